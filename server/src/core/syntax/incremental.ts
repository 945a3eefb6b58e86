// Re-parsing one top-level statement instead of the whole file, for the common edit: a few
// characters typed or deleted inside one block, on one line. Anything else (a newline, a brace that
// changes the nesting, an edit touching two statements) falls back to a full parse. A property test
// (test/syntax/incremental.test.ts) checks the result equals a full parse of the new text.
import type { Item, Statement, SyntaxFile, Word, Block, Comment, SyntaxProblem } from "./tree";
import type { Range } from "../util/range";
import { parseConfig } from "./parse";

/** Characters whose appearance in an edit may change how other lines are read. */
const LINE_STRUCTURE = /[\n\r\\]/;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function offsetOf(starts: number[], p: Range["start"]): number {
  return starts[p.line] + p.character;
}

/** Moves a subtree parsed from a slice to where the slice sits in the file. */
function shiftRange(r: Range, line: number, firstLineChars: number): Range {
  const move = (p: Range["start"]) => ({ line: p.line + line, character: p.character + (p.line === 0 ? firstLineChars : 0) });
  return { start: move(r.start), end: move(r.end) };
}

function shiftWord(w: Word, line: number, chars: number, offset: number): void {
  w.range = shiftRange(w.range, line, chars);
  w.startOffset += offset;
  w.endOffset += offset;
}

function shiftBlock(b: Block, line: number, chars: number, offset: number): void {
  b.open = shiftRange(b.open, line, chars);
  if (b.close) b.close = shiftRange(b.close, line, chars);
  b.range = shiftRange(b.range, line, chars);
  b.items.forEach((i) => shiftItem(i, line, chars, offset));
}

function shiftItem(item: Item, line: number, chars: number, offset: number): void {
  item.range = shiftRange(item.range, line, chars);
  if (item.condition) item.condition.range = shiftRange(item.condition.range, line, chars);
  if (item.kind === "definition") {
    item.nameRange = shiftRange(item.nameRange, line, chars);
    return;
  }
  if (item.kind === "bareBlock") return shiftBlock(item.block, line, chars, offset);
  for (const s of item.sequences ?? []) s.range = shiftRange(s.range, line, chars);
  shiftWord(item.keyword, line, chars, offset);
  item.args.forEach((w) => shiftWord(w, line, chars, offset));
  if (item.block) shiftBlock(item.block, line, chars, offset);
}

/** Later items keep their positions (the edit adds no line) but their offsets move by `delta`. */
function shiftOffsets(item: Item, delta: number): void {
  if (item.kind === "definition") return;
  if (item.kind === "bareBlock") return item.block.items.forEach((i) => shiftOffsets(i, delta));
  for (const w of [item.keyword, ...item.args]) (w.startOffset += delta), (w.endOffset += delta);
  item.block?.items.forEach((i) => shiftOffsets(i, delta));
}

/** The config ids named by `@id` prefixes anywhere in the tree. */
function conditionIdsOf(items: Item[], out = new Set<string>()): Set<string> {
  for (const item of items) {
    if (item.condition?.id) out.add(item.condition.id);
    if (item.kind === "bareBlock") conditionIdsOf(item.block.items, out);
    else if (item.kind === "statement" && item.block) conditionIdsOf(item.block.items, out);
  }
  return out;
}

function inside(r: Range, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

/**
 * The syntax of `text`, reusing `old` (the syntax of the previous text) when the edit stays inside one
 * top-level statement on one line. `old` must not be used afterwards: its later items are reused.
 */
export function reparse(old: SyntaxFile, text: string): SyntaxFile {
  const before = old.text;
  if (before === text) return old;
  let p = 0;
  const max = Math.min(before.length, text.length);
  while (p < max && before.charCodeAt(p) === text.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
  const removed = before.slice(p, before.length - q);
  const added = text.slice(p, text.length - q);
  // A lone "\r" makes lines differ from the "\n" lines counted here.
  if (LINE_STRUCTURE.test(removed) || LINE_STRUCTURE.test(added) || /\r(?!\n)/.test(before)) return parseConfig(text);

  const starts = lineStarts(before);
  const editLine = starts.findIndex((s, i) => s <= p && (i + 1 >= starts.length || p < starts[i + 1]));
  const index = old.items.findIndex((i) => inside(i.range, editLine));
  const item = old.items[index];
  if (!item || item.kind !== "statement" || item.condition || item.sequences || !item.block?.close) return parseConfig(text);
  const start = offsetOf(starts, item.range.start);
  const end = offsetOf(starts, item.range.end);
  // Strictly inside, and nothing else on the statement's first or last line.
  if (p <= start || before.length - q >= end) return parseConfig(text);
  const lineEnd = (o: number) => (before.indexOf("\n", o) < 0 ? before.length : before.indexOf("\n", o));
  if (before.slice(end, lineEnd(end)).trim() !== "" || before.slice(starts[item.range.start.line], start).trim() !== "") return parseConfig(text);

  const delta = text.length - before.length;
  const slice = text.slice(start, end + delta);
  const part = parseConfig(slice);
  const fresh = part.items[0];
  if (part.items.length !== 1 || fresh.kind !== "statement" || !fresh.block?.close || fresh.sequences || fresh.condition) return parseConfig(text);
  if (fresh.range.end.line !== item.range.end.line - item.range.start.line) return parseConfig(text);

  const line = item.range.start.line;
  const chars = item.range.start.character;
  shiftItem(fresh, line, chars, start);
  for (let i = index + 1; i < old.items.length; i++) shiftOffsets(old.items[i], delta);
  const items = [...old.items.slice(0, index), fresh as Statement, ...old.items.slice(index + 1)];

  const within = (r: Range) => r.start.line >= item.range.start.line && r.end.line <= item.range.end.line;
  const comments: Comment[] = [];
  for (const c of old.comments) {
    if (within(c.range)) continue;
    comments.push(c.startOffset > end ? { ...c, startOffset: c.startOffset + delta } : c);
  }
  for (const c of part.comments) comments.push({ ...c, range: shiftRange(c.range, line, chars), startOffset: c.startOffset + start });
  comments.sort((a, b) => a.startOffset - b.startOffset);

  const problems: SyntaxProblem[] = [...old.problems.filter((x) => !within(x.range)), ...part.problems.map((x) => ({ ...x, range: shiftRange(x.range, line, chars) }))];
  return { text, items, comments, problems, conditionIds: conditionIdsOf(items) };
}
