// `~SEQ(var, [start,] [step,] end)`, `~SEQx(...)` (hexadecimal) and `~LST(var, v1, v2...)`:
// the rest of the line is read once per value, with $var set. Several prefixes nest, first outermost.
import type { SequencePrefix } from "../syntax/tree";

/** keepalived has no limit; we stop at this many repetitions so a typo cannot hang the editor. */
export const MAX_REPETITIONS = 4096;

type Sequence = { name: string; list: string[] } | { name: string; start: number; step: number; end: number; hex: boolean };

/** What a prefix says, without its values (checking 20,000 `~SEQ(i,1,4096)` lines built 80 million strings). */
function parseSequence(prefix: string): Sequence | undefined {
  const m = /^~(SEQx?|LST)\(([^)]*)\)$/.exec(prefix);
  if (!m) return undefined;
  const parts = m[2].split(",").map((p) => p.trim());
  const name = parts.shift() ?? "";
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  if (m[1] === "LST") return { name, list: parts.map((p) => p.replace(/^"(.*)"$/, "$1")) };
  const nums = parts.map((p) => Number(p));
  if (!nums.length || nums.length > 3 || nums.some((n) => !Number.isInteger(n))) return undefined;
  let start: number, step: number, end: number;
  if (nums.length === 1) [end] = nums, (start = end >= 0 ? 1 : -1), (step = end >= start ? 1 : -1);
  else if (nums.length === 2) [start, end] = nums, (step = end >= start ? 1 : -1);
  else [start, step, end] = nums;
  if (step === 0) return undefined;
  return { name, start, step, end, hex: m[1] === "SEQx" };
}

/** The values of the prefixes seen last, by their text: a line copied 20,000 times is counted out once. */
const recentValues = new Map<string, { name: string; values: readonly string[] } | undefined>();
const MAX_REMEMBERED = 16;

function valuesOf(prefix: string): { name: string; values: readonly string[] } | undefined {
  if (recentValues.has(prefix)) return recentValues.get(prefix);
  const seq = parseSequence(prefix);
  let found: { name: string; values: readonly string[] } | undefined;
  if (seq && "list" in seq) found = { name: seq.name, values: seq.list };
  else if (seq) {
    const values: string[] = [];
    for (let v = seq.start; seq.step > 0 ? v <= seq.end : v >= seq.end; v += seq.step) {
      values.push(seq.hex ? v.toString(16) : String(v));
      if (values.length >= MAX_REPETITIONS) break;
    }
    found = { name: seq.name, values };
  }
  if (recentValues.size >= MAX_REMEMBERED) recentValues.delete(recentValues.keys().next().value as string);
  recentValues.set(prefix, found);
  return found;
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
  if (recentValues.has(prefix.raw)) return recentValues.get(prefix.raw) !== undefined;
  return parseSequence(prefix.raw) !== undefined;
}
