// `~SEQ(var, [start,] [step,] end)`, `~SEQx(...)` (hexadecimal) and `~LST(var, v1, v2...)`:
// the rest of the line is read once per value, with $var set. Several prefixes nest, first outermost.
import type { SequencePrefix } from "../syntax/tree";

/** keepalived has no limit; we stop at this many repetitions so a typo cannot hang the editor. */
export const MAX_REPETITIONS = 4096;

function valuesOf(prefix: string): { name: string; values: string[] } | undefined {
  const m = /^~(SEQx?|LST)\(([^)]*)\)$/.exec(prefix);
  if (!m) return undefined;
  const parts = m[2].split(",").map((p) => p.trim());
  const name = parts.shift() ?? "";
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  if (m[1] === "LST") return { name, values: parts.map((p) => p.replace(/^"(.*)"$/, "$1")) };
  const nums = parts.map((p) => Number(p));
  if (!nums.length || nums.length > 3 || nums.some((n) => !Number.isInteger(n))) return undefined;
  let start: number, step: number, end: number;
  if (nums.length === 1) [end] = nums, (start = end >= 0 ? 1 : -1), (step = end >= start ? 1 : -1);
  else if (nums.length === 2) [start, end] = nums, (step = end >= start ? 1 : -1);
  else [start, step, end] = nums;
  if (step === 0) return undefined;
  const hex = m[1] === "SEQx";
  const values: string[] = [];
  for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
    values.push(hex ? v.toString(16) : String(v));
    if (values.length >= MAX_REPETITIONS) break;
  }
  return { name, values };
}

/** One map of variable bindings per repetition; an unreadable prefix yields no repetition. */
export function expandSequences(prefixes: SequencePrefix[]): Map<string, string>[] {
  let bindings: Map<string, string>[] = [new Map()];
  for (const prefix of prefixes) {
    const seq = valuesOf(prefix.raw);
    if (!seq) return [];
    const next: Map<string, string>[] = [];
    for (const b of bindings) {
      for (const v of seq.values) {
        if (next.length >= MAX_REPETITIONS) break;
        next.push(new Map(b).set(seq.name, v));
      }
    }
    bindings = next;
  }
  return bindings;
}

export function isValidSequence(prefix: SequencePrefix): boolean {
  return valuesOf(prefix.raw) !== undefined;
}
