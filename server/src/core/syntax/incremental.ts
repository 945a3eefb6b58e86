// Re-parsing part of a file instead of the whole, for the common edits: a few characters typed or
// deleted inside one block on one line (re-parse that statement), and edits that add or remove
// lines — Enter, deleting a line, pasting a block — which re-parse the whole lines of the top-level
// items they touch and move the items after them (their positions are shifted in place, so caches
// keyed by those objects stay valid). Anything that could change how the rest of the file reads
// (an unclosed block, a `{` that would attach to a neighbour, a `$NAME=` definition continued across
// the window's edge) falls back to a full parse. A property test (test/syntax/incremental.test.ts) checks the
// result equals a full parse of the new text.
import type { Item, Statement, SyntaxFile, Word, Block, Comment, SyntaxProblem } from "./tree";
import type { Range } from "../util/range";
import { parseConfig, MAX_NESTING } from "./parse";
import { hasLoneCr, lineAtOffset } from "../util/lineStarts";
import { SyntaxBlock, SyntaxStatement, SyntaxWord, buildRanges, forEachBuiltRange, isClosed, retarget, tablesFileOf } from "./treeNodes";
import { LineTable } from "./lineTable";

/** Characters whose appearance in an edit may change how other lines are read. */
const LINE_STRUCTURE = /[\n\r\\]/;

/**
 * The line starts of the text last edited into (see rememberEdit): the next keystroke's old text, whose
 * starts would otherwise be scanned for again. Typed arrays keep 10,000s of offsets out of the young
 * generation, which a growing array of numbers filled on every keystroke.
 */
let known: { text: string; starts: Uint32Array } | undefined;
/** The one before: an edit reads the starts of its old text after making those of its new text. */
let previous: typeof known;

function remember(text: string, starts: Uint32Array): void {
  if (known?.text !== text) previous = known;
  known = { text, starts };
}

/** Exported for the test that derived starts equal counted ones. */
export function lineStarts(text: string): Uint32Array {
  if (known?.text === text) return known.starts;
  if (previous?.text === text) return previous.starts;
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const starts = new Uint32Array(count);
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts[n++] = i + 1;
  remember(text, starts);
  return starts;
}

/**
 * The line starts of `text`, made from those of `before` when `before[p, before.length - q)` was
 * replaced by `text[p, text.length - q)`: lines starting at or before `p` keep their start, lines
 * starting after the replaced part move by the length difference, and the replacement's own
 * newlines are looked for. Kept for the next edit, whose old text this is.
 */
function rememberEdit(before: string, text: string, p: number, q: number): void {
  const old = lineStarts(before);
  const oldEnd = before.length - q;
  const newEnd = text.length - q;
  const kept = lineAtOffset(old, p) + 1;
  const after = lineAtOffset(old, oldEnd) + 1;
  let added = 0;
  for (let i = text.indexOf("\n", p); i >= 0 && i < newEnd; i = text.indexOf("\n", i + 1)) added++;
  const starts = new Uint32Array(kept + added + (old.length - after));
  starts.set(old.subarray(0, kept));
  let n = kept;
  for (let i = text.indexOf("\n", p); i >= 0 && i < newEnd; i = text.indexOf("\n", i + 1)) starts[n++] = i + 1;
  const delta = text.length - before.length;
  for (let k = after; k < old.length; k++) starts[n++] = old[k] + delta;
  remember(text, starts);
}

function offsetOf(starts: ArrayLike<number>, p: Range["start"]): number {
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
  if (b instanceof SyntaxBlock) {
    // Its offsets count in the file too, as its words' do (a later move retargets the block to them).
    b.openOffset += offset;
    if (b.closeOffset >= 0) b.closeOffset += offset;
  }
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

/**
 * Moves a subtree parsed from a slice to where the slice sits in the file. A slice that starts the file
 * is where it belongs already: its ranges stay unbuilt (its line table reads the same as the file's up
 * to the slice's end), instead of being built only to be copied unchanged.
 */
function placeParsed(item: Item, line: number, chars: number, offset: number): void {
  if (line !== 0 || chars !== 0 || offset !== 0) shiftItem(item, line, chars, offset);
}

/** The line table of the text last edited into, given to the items moved there (one per text, not one per edit path). */
let movedInto: { text: string; table: LineTable } | undefined;

/**
 * Items kept from the old text, moved in place by `delta` characters and `lines` lines. Ranges already
 * built move in place (results holding them see the move); the others are built when read, from the
 * moved offsets and the new text's line table: building every range of the items below an edit (a
 * line typed at the top of 200,000 lines) cost more than the rest of the re-parse. When the items'
 * tables were expanded as two different files (which a table's file records), they are all built first.
 */
function moveItems(items: Item[], delta: number, lines: number, text: string): void {
  const file = tablesFileOf(items);
  if (file === null) {
    buildRanges(items);
    if (delta !== 0) for (const item of items) shiftOffsets(item, delta);
    moveLines(items, lines, forEachPosition);
    return;
  }
  // Offsets move in retarget's walk.
  moveLines(items, lines, forEachBuiltPosition);
  if (movedInto?.text !== text || (movedInto.table.file !== undefined && file !== undefined && movedInto.table.file !== file)) movedInto = { text, table: new LineTable(text, lineStarts(text)) };
  const table = movedInto.table;
  if (table.file === undefined) table.file = file;
  retarget(items, delta, table);
}

function forEachBuiltPosition(item: Item, f: (p: Range["start"]) => void): void {
  forEachBuiltRange(item, (r) => {
    f(r.start);
    f(r.end);
  });
}

/** Later items keep their positions (the edit adds no line) but their offsets move by `delta`. */
function shiftOffsets(item: Item, delta: number): void {
  if (item.kind === "definition") return;
  const items = item.kind === "bareBlock" ? item.block.items : item.block?.items;
  if (item.kind === "statement") {
    item.keyword.startOffset += delta;
    item.keyword.endOffset += delta;
    const args = item.args;
    for (let i = 0; i < args.length; i++) (args[i].startOffset += delta), (args[i].endOffset += delta);
  }
  if (items) for (let i = 0; i < items.length; i++) shiftOffsets(items[i], delta);
}

/** The config ids named by `@id` prefixes anywhere in the tree. */
function conditionIdsOf(items: Item[]): Set<string> {
  const out = new Set<string>();
  for (const item of items) for (const id of idsOfItem(item)) out.add(id);
  return out;
}

/** Per top-level item, kept while the item lives (an edit re-parses one item, not the file's ids). */
const idsByItem = new WeakMap<Item, string[]>();
const NO_IDS: string[] = [];

function idsOfItem(item: Item): string[] {
  // A line with no prefix and no block names none: answered faster than a cache entry is made (200,000 lines).
  if (item.kind === "statement" && !item.condition && !item.block) return NO_IDS;
  let ids = idsByItem.get(item);
  if (!ids) {
    const found = new Set<string>();
    const visit = (i: Item) => {
      if (i.condition?.id) found.add(i.condition.id);
      if (i.kind === "bareBlock") i.block.items.forEach(visit);
      else if (i.kind === "statement" && i.block) i.block.items.forEach(visit);
    };
    visit(item);
    idsByItem.set(item, (ids = found.size ? [...found] : NO_IDS));
  }
  return ids;
}

function inside(r: Range, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

/** Chunks compared as whole strings first: a character loop over 100 KB costs milliseconds, this microseconds. */
const CHUNK = 256;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the common end of `a` and `b` that does not overlap their first `p` characters. */
function commonSuffix(a: string, b: string, p: number): number {
  const max = Math.min(a.length, b.length) - p;
  let q = 0;
  while (q + CHUNK <= max && a.slice(a.length - q - CHUNK, a.length - q) === b.slice(b.length - q - CHUNK, b.length - q)) q += CHUNK;
  while (q < max && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return q;
}

/** Whether some "\r" at an offset in [from, to) of `text` is not followed by "\n". */
function loneCrBetween(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/**
 * The syntax of `text`, reusing `old` (the syntax of the previous text) when the edit stays inside one
 * top-level statement on one line. `old` must not be used afterwards: its later items are reused.
 */
export function reparse(old: SyntaxFile, text: string): SyntaxFile {
  const before = old.text;
  if (before === text) return old;
  // Items moved in place below get their ranges built first (beforeMoving); the others keep building
  // theirs when asked, from offsets that did not move: a whole tree's ranges are most of its memory.
  const p = commonPrefix(before, text);
  const q = commonSuffix(before, text, p);
  rememberEdit(before, text, p, q);
  const removed = before.slice(p, before.length - q);
  const added = text.slice(p, text.length - q);
  // A lone "\r" ends a line for the editor but not for the line table of an edit: read it all again.
  // The old text has none if this passes, so a new one is in the added text or just before it (an edit
  // that splits a CRLF, or deletes its "\n"); each is looked at with the character that now follows it.
  if (hasLoneCr(before) || loneCrBetween(text, p - 1, text.length - q)) return parseConfig(text);
  const full = () => parseReusing(old, text, p, q);
  if (LINE_STRUCTURE.test(removed) || LINE_STRUCTURE.test(added)) return reparseLines(old, text, p, q) ?? full();

  const starts = lineStarts(before);
  const editLine = lineAtOffset(starts, p);
  const index = old.items.findIndex((i) => inside(i.range, editLine));
  const item = old.items[index];
  // A statement left open by a `{` typed in it holds the rest of the file: its own text ends where the
  // items it took in begin, and an edit there re-parses that text alone (see absorb).
  const open = item && absorbedBy.get(old)?.statement === item ? absorbedBy.get(old) : undefined;
  if (!item || item.kind !== "statement" || item.condition || item.sequences || (!open && !item.block?.close)) return full();
  const start = offsetOf(starts, item.range.start);
  const end = open ? open.ownEnd : offsetOf(starts, item.range.end);
  const lastLine = open ? open.ownLastLine : item.range.end.line;
  // Strictly inside, and nothing else on the statement's first or last line.
  if (p <= start || before.length - q >= end) return full();
  const lineEnd = (o: number) => (before.indexOf("\n", o) < 0 ? before.length : before.indexOf("\n", o));
  if (before.slice(end, lineEnd(end)).trim() !== "" || before.slice(starts[item.range.start.line], start).trim() !== "") return full();

  const delta = text.length - before.length;
  const slice = text.slice(start, end + delta);
  const part = parseConfig(slice);
  const fresh = part.items[0];
  if (part.items.length !== 1 || fresh.kind !== "statement" || !fresh.block || fresh.sequences || fresh.condition) return full();
  if (fresh.block.close && fresh.range.end.line !== lastLine - item.range.start.line) return full();
  const later = open ? open.items : old.items.slice(index + 1);

  const line = item.range.start.line;
  const chars = item.range.start.character;
  placeParsed(fresh, line, chars, start);
  moveItems(later, delta, 0, text);
  let items: Item[];
  let absorbed: Absorbed | undefined;
  if (fresh.block.close) items = [...old.items.slice(0, index), fresh as Statement, ...later];
  else {
    if (!absorb(fresh, later, part, old, lastLine)) return full();
    items = [...old.items.slice(0, index), fresh as Statement];
    absorbed = { statement: fresh, ownEnd: end + delta, ownLastLine: lastLine, items: later };
  }

  const within = (r: Range) => r.start.line >= item.range.start.line && r.end.line <= lastLine;
  const comments: Comment[] = [];
  for (const c of old.comments) {
    if (within(c.range)) continue;
    comments.push(c.startOffset > end ? { ...c, startOffset: c.startOffset + delta } : c);
  }
  for (const c of part.comments) comments.push({ ...c, range: shiftRange(c.range, line, chars), startOffset: c.startOffset + start });
  comments.sort((a, b) => a.startOffset - b.startOffset);

  const problems: SyntaxProblem[] = [...old.problems.filter((x) => !within(x.range)), ...part.problems.map((x) => ({ ...x, range: shiftRange(x.range, line, chars) }))];
  const result = { text, items, comments, problems, conditionIds: conditionIdsOf(items) };
  if (absorbed) absorbedBy.set(result, absorbed);
  return result;
}

/** A statement a typed `{` left open, which holds the items after it: what its own text is. */
interface Absorbed {
  statement: Statement;
  /** Offset (in the syntax's text) where its own text ends and the items it took in begin. */
  ownEnd: number;
  ownLastLine: number;
  /** The items after it, which a full parse reads inside its innermost open block. */
  items: Item[];
}

const absorbedBy = new WeakMap<SyntaxFile, Absorbed>();

const EXTRA_CLOSE = /^Extra '}'/;
const NESTING_CAP = /^Blocks are nested more than/;

/** How deep blocks nest inside the items, at most. */
function depthOf(items: Item[]): number {
  let deepest = 0;
  const stack: [Item[], number][] = [[items, 1]];
  while (stack.length) {
    const [list, depth] = stack.pop()!;
    for (const i of list) {
      const block = i.kind === "bareBlock" ? i.block : i.kind === "statement" ? i.block : undefined;
      if (!block) continue;
      deepest = Math.max(deepest, depth);
      if (block.items.length) stack.push([block.items, depth + 1]);
    }
  }
  return deepest;
}

/**
 * A `{` typed inside a statement leaves it open to the end of the file: a full parse reads the items
 * after it inside its innermost open block. They are moved there as they are (no re-parse), with the
 * ranges of the open blocks stretched over them. False when a full parse could read them otherwise: a
 * stray `}` below would close the block, a bare block would attach to the statement before it, or
 * the nesting would pass the parser's cap.
 */
function absorb(fresh: Statement, later: Item[], part: SyntaxFile, old: SyntaxFile, lastLine: number): boolean {
  if (part.problems.some((x) => NESTING_CAP.test(x.message)) || old.problems.some((x) => NESTING_CAP.test(x.message) || (EXTRA_CLOSE.test(x.message) && x.range.start.line > lastLine))) return false;
  const chain: (Statement | Extract<Item, { kind: "bareBlock" }>)[] = [fresh];
  let block = fresh.block!;
  for (;;) {
    const last = block.items[block.items.length - 1];
    const inner = last?.kind === "bareBlock" ? last.block : last?.kind === "statement" ? last.block : undefined;
    if (!inner || inner.close || last.kind === "definition") break;
    chain.push(last);
    block = inner;
  }
  if (!later.length) return true;
  const lastOwn = block.items[block.items.length - 1];
  if (later[0].kind === "bareBlock" && !later[0].condition && lastOwn?.kind === "statement" && !lastOwn.block) return false;
  if (chain.length + depthOf(later) > MAX_NESTING) return false;
  for (const x of later) block.items.push(x);
  // Innermost first: each open block now ends where its last item does, and so does its owner.
  for (let k = chain.length - 1; k >= 0; k--) {
    const owner = chain[k];
    const b = owner.block!;
    b.range = { start: b.open.start, end: b.items[b.items.length - 1].range.end };
    owner.range = owner.kind === "bareBlock" ? b.range : { start: owner.keyword.range.start, end: b.range.end };
  }
  return true;
}

/** Calls `f` on every position object reachable from an item (a shared position more than once). */
function forEachPosition(item: Item, f: (p: Range["start"]) => void): void {
  // Plain functions, not closures made per item: this runs over every item below each line-moving edit.
  visitRange(item.range, f);
  if (item.condition) visitRange(item.condition.range, f);
  if (item.kind === "definition") return visitRange(item.nameRange, f);
  if (item.kind === "bareBlock") return visitBlock(item.block, f);
  if (item.sequences) for (let i = 0; i < item.sequences.length; i++) visitRange(item.sequences[i].range, f);
  visitRange(item.keyword.range, f);
  for (let i = 0; i < item.args.length; i++) visitRange(item.args[i].range, f);
  if (item.block) visitBlock(item.block, f);
}

function visitRange(r: Range, f: (p: Range["start"]) => void): void {
  f(r.start);
  f(r.end);
}

function visitBlock(b: Block, f: (p: Range["start"]) => void): void {
  visitRange(b.open, f);
  if (b.close) visitRange(b.close, f);
  visitRange(b.range, f);
  for (let i = 0; i < b.items.length; i++) forEachPosition(b.items[i], f);
}

/**
 * Moves every position of the items down (or up) by `lines`, each position once although ranges share
 * them: a moved line is stored as -(line + 1) until every item is done (no set of 10,000s of objects).
 */
function moveLines(items: Iterable<Item>, lines: number, forEach: (item: Item, f: (p: Range["start"]) => void) => void): void {
  if (lines === 0) return;
  // A position object can sit in several ranges: each is moved once, marked negative until all are.
  // The marked ones are listed, so that unmarking them is a loop over them, not a second walk of the items.
  const marked: Range["start"][] = [];
  const mark = (p: Range["start"]) => {
    if (p.line >= 0) (p.line = -(p.line + lines) - 1), marked.push(p);
  };
  for (const item of items) forEach(item, mark);
  for (let i = 0; i < marked.length; i++) marked[i].line = -marked[i].line - 1;
}

const MISSING_CLOSE = /^Missing '}'/;

/** Syntax whose later items were moved to other lines in place: results holding copied positions are stale. */
const movedLines = new WeakMap<SyntaxFile, number>();

/** The first line (of the new text) from which positions may have moved in place; undefined: none moved. */
export function linesMovedFrom(syntax: SyntaxFile): number | undefined {
  return movedLines.get(syntax);
}

/**
 * An edit that adds or removes lines: re-parse the whole lines of the top-level items it touches (or
 * of the gap between items it falls in), splice the fresh items in, and move later items by the
 * lines and characters added. Undefined when only a full parse is certain to read the same.
 */
function reparseLines(old: SyntaxFile, text: string, p: number, q: number): SyntaxFile | undefined {
  const before = old.text;
  const starts = lineStarts(before);
  const lineAt = (o: number) => lineAtOffset(starts, o);
  const editFirst = lineAt(p);
  // Whole lines put in or taken out at a line start (a line pasted or typed above a block): the items
  // from the line after them on are not touched, only moved. Else the window would take in the item
  // starting on the edit's line, the whole of a block that holds the rest of the file.
  const endsLine = (t: string, end: number) => end === p || t.charCodeAt(end - 1) === 10;
  const wholeLines = starts[editFirst] === p && endsLine(before, before.length - q) && endsLine(text, text.length - q);
  const editLast = wholeLines ? lineAt(before.length - q) - 1 : lineAt(Math.max(p, before.length - q));
  // Items whose lines meet the edited lines are re-parsed whole.
  let first = old.items.findIndex((i) => i.range.end.line >= editFirst);
  if (first < 0) first = old.items.length;
  let last = first - 1;
  while (last + 1 < old.items.length && old.items[last + 1].range.start.line <= editLast) last++;
  let fromLine = editFirst;
  let toLine = editLast;
  if (last >= first) {
    fromLine = Math.min(fromLine, old.items[first].range.start.line);
    toLine = Math.max(toLine, old.items[last].range.end.line);
  }
  // The neighbours must not share a line with the window.
  if (first > 0 && old.items[first - 1].range.end.line >= fromLine) return undefined;
  if (last + 1 < old.items.length && old.items[last + 1].range.start.line <= toLine) return undefined;
  const start = starts[fromLine];
  const oldEnd = toLine + 1 < starts.length ? starts[toLine + 1] : before.length;
  const delta = text.length - before.length;
  const newEnd = oldEnd + delta;
  if (p < start || before.length - q > oldEnd) return undefined;
  // A `$NAME=` definition continued by a `\` at either edge joins the window to its neighbours (LF or
  // CRLF). Elsewhere a trailing `\` joins nothing, but a line after one may be such a definition's.
  const continues = (t: string, end: number) => end >= 2 && t[end - 1] === "\n" && (t[end - 2] === "\\" || (end >= 3 && t[end - 2] === "\r" && t[end - 3] === "\\"));
  if (continues(before, start) || continues(before, oldEnd) || continues(text, newEnd) || (newEnd === text.length && (text.endsWith("\\") || text.endsWith("\\\r")))) return undefined;
  if (oldEnd === before.length && !before.endsWith("\n")) return undefined;
  if (newEnd > 0 && newEnd < text.length && text[newEnd - 1] !== "\n") return undefined;

  const part = parseConfig(text.slice(start, newEnd));
  // An unclosed block would swallow what follows; a `{` line would attach to a neighbour's keyword.
  if (part.problems.some((x) => MISSING_CLOSE.test(x.message))) return undefined;
  const prev = old.items[first - 1];
  // Lines after a block left open belong inside it (the file ends in that block): re-parsed alone, they
  // would land at the top level, and the old "Missing '}'" would stay though they may close it.
  if (prev && prev.kind !== "definition" && prev.block && !isClosed(prev.block)) return undefined;
  const next = old.items[last + 1];
  const firstFresh = part.items[0];
  const lastFresh = part.items[part.items.length - 1];
  if (firstFresh?.kind === "bareBlock" && !firstFresh.condition && prev?.kind === "statement" && !prev.block) return undefined;
  const beforeNext = lastFresh ?? prev;
  if (next?.kind === "bareBlock" && !next.condition && beforeNext?.kind === "statement" && !beforeNext.block) return undefined;

  const addedLines = text.slice(start, newEnd).split("\n").length - before.slice(start, oldEnd).split("\n").length;
  // Copies of problems and comments first: some share position objects with the items moved below.
  const moved = (r: Range): Range => ({ start: { line: r.start.line + addedLines, character: r.start.character }, end: { line: r.end.line + addedLines, character: r.end.character } });
  const comments: Comment[] = [];
  for (const c of old.comments) {
    if (c.range.start.line < fromLine) comments.push(c);
    else if (c.range.start.line > toLine) comments.push({ ...c, range: moved(c.range), startOffset: c.startOffset + delta });
  }
  for (const c of part.comments) comments.push({ ...c, range: shiftRange(c.range, fromLine, 0), startOffset: c.startOffset + start });
  comments.sort((a, b) => a.startOffset - b.startOffset);
  const problems: SyntaxProblem[] = [];
  for (const x of old.problems) {
    if (x.range.start.line < fromLine) problems.push(x);
    else if (x.range.start.line > toLine) problems.push({ ...x, range: moved(x.range) });
  }
  for (const x of part.problems) problems.push({ ...x, range: shiftRange(x.range, fromLine, 0) });
  for (const item of part.items) placeParsed(item, fromLine, 0, start);
  // Later items keep their objects: their positions move down (or up) in place, each position once.
  if (addedLines !== 0 || delta !== 0) {
    moveItems(old.items.slice(last + 1), delta, addedLines, text);
  }
  const items = [...old.items.slice(0, first), ...part.items, ...old.items.slice(last + 1)];

  const result = { text, items, comments, problems, conditionIds: conditionIdsOf(items) };
  if (addedLines !== 0) movedLines.set(result, fromLine);
  return result;
}

/** Where an item starts, prefixes included, as an offset into the text whose line starts are given. */
function startOf(item: Item, starts: ArrayLike<number>): number {
  if (item instanceof SyntaxStatement) {
    // The keyword's offset, not its range (which this would build); prefixes have theirs already.
    let start = item.keyword.startOffset;
    const earlier = (c: Range["start"] | undefined) => {
      if (c) start = Math.min(start, (starts[c.line] ?? Infinity) + c.character);
    };
    if (item.condition) earlier(item.condition.range.start);
    if (item.sequences) earlier(item.sequences[0]?.range.start);
    return start;
  }
  let r = item.range.start;
  const earlier = (c: Range["start"] | undefined) => {
    if (c && (c.line < r.line || (c.line === r.line && c.character < r.character))) r = c;
  };
  if (item.condition) earlier(item.condition.range.start);
  if (item.kind === "statement" && item.sequences) earlier(item.sequences[0]?.range.start);
  return (starts[r.line] ?? Infinity) + r.character;
}

function sameRange(fresh: Range, old: Range, lines: number): boolean {
  return (
    fresh.start.line === old.start.line + lines &&
    fresh.start.character === old.start.character &&
    fresh.end.line === old.end.line + lines &&
    fresh.end.character === old.end.character
  );
}

function sameWord(fresh: Word, old: Word, lines: number, offset: number): boolean {
  return fresh.text === old.text && fresh.raw === old.raw && fresh.quoted === old.quoted && fresh.startOffset === old.startOffset + offset && fresh.endOffset === old.endOffset + offset && sameRange(fresh.range, old.range, lines);
}

function sameBlock(fresh: Block, old: Block, lines: number, offset: number): boolean {
  if (!sameRange(fresh.open, old.open, lines) || !sameRange(fresh.range, old.range, lines)) return false;
  if (!fresh.close !== !old.close || (fresh.close && !sameRange(fresh.close, old.close!, lines))) return false;
  if (fresh.items.length !== old.items.length) return false;
  for (let i = 0; i < fresh.items.length; i++) if (!sameItem(fresh.items[i], old.items[i], lines, offset)) return false;
  return true;
}

/** The fresh item is what the old one reads as once moved by `lines` lines and `offset` characters. */
function sameItem(fresh: Item, old: Item, lines: number, offset: number): boolean {
  if (fresh.kind !== old.kind || !sameRange(fresh.range, old.range, lines)) return false;
  if (!fresh.condition !== !old.condition) return false;
  if (fresh.condition && (fresh.condition.id !== old.condition!.id || fresh.condition.negated !== old.condition!.negated || !sameRange(fresh.condition.range, old.condition!.range, lines))) return false;
  if (fresh.kind === "definition") {
    const o = old as typeof fresh;
    return fresh.name === o.name && fresh.value === o.value && sameRange(fresh.nameRange, o.nameRange, lines);
  }
  if (fresh.kind === "bareBlock") return sameBlock(fresh.block, (old as typeof fresh).block, lines, offset);
  const o = old as Statement;
  if (!sameWord(fresh.keyword, o.keyword, lines, offset) || fresh.args.length !== o.args.length) return false;
  for (let i = 0; i < fresh.args.length; i++) if (!sameWord(fresh.args[i], o.args[i], lines, offset)) return false;
  const fs = fresh.sequences ?? [];
  const os = o.sequences ?? [];
  if (!fresh.sequences !== !o.sequences || fs.length !== os.length) return false;
  for (let i = 0; i < fs.length; i++) if (fs[i].raw !== os[i].raw || !sameRange(fs[i].range, os[i].range, lines)) return false;
  if (!fresh.block !== !o.block) return false;
  return !fresh.block || sameBlock(fresh.block, o.block!, lines, offset);
}

/**
 * A full parse of `text` in which every top-level item, or child of one, that reads exactly as an
 * item of the old syntax (top-level or child) outside the edit is that old object, moved in place.
 * Caches keyed by those objects (expansion, rule results, models) stay valid: typing `{` nests the
 * rest of the file one level deeper and `}` lifts it back, and neither has to re-check all of it.
 */
function parseReusing(old: SyntaxFile, text: string, p: number, q: number): SyntaxFile {
  const fresh = parseConfig(text);
  const before = old.text;
  const delta = text.length - before.length;
  const oldStarts = lineStarts(before);
  const newStarts = lineStarts(text);
  const lines = newStarts.length - oldStarts.length;
  // Old items by start offset (in the old text), two levels deep.
  const byStart = new Map<number, Item>();
  for (const item of old.items) {
    byStart.set(startOf(item, oldStarts), item);
    const children = item.kind === "bareBlock" ? item.block.items : item.kind === "statement" ? item.block?.items ?? [] : [];
    for (const c of children) if (!byStart.has(startOf(c, oldStarts))) byStart.set(startOf(c, oldStarts), c);
  }
  const oldEditEnd = before.length - q;
  const newEditEnd = text.length - q;
  // Lines end at "\n" only (reparse sends an old text with a lone "\r" to a full parse, but one can
  // appear where the edit joins): then the line starts here are the ones ranges are built from.
  const plainBreaks = !hasLoneCr(text);
  const used = new Set<Item>();
  const moved: Item[] = [];
  const reuse = (item: Item): Item | undefined => {
    const start = startOf(item, newStarts);
    let candidate: Item | undefined;
    let lineShift = 0;
    if (start < p) candidate = byStart.get(start);
    else if (start >= newEditEnd && start - delta >= oldEditEnd) (candidate = byStart.get(start - delta)), (lineShift = lines);
    if (!candidate || used.has(candidate)) return undefined;
    const offset = start < p ? 0 : delta;
    // Entirely outside the edit, and the same words at the same places once moved.
    const end = offsetEnd(candidate, oldStarts);
    if (start < p ? end > p : false) return undefined;
    // Before the edit every position is the same; after it, a line that starts after the edit moved by
    // `lines` lines and no character. Where that holds for the item's first line, the same offsets
    // (moved by `offset`) are the same ranges, and no range is built to compare (sameByOffsets).
    const positionsFollowOffsets =
      plainBreaks && (start < p || newStarts[lineAtOffset(newStarts, start)] - oldStarts[lineAtOffset(oldStarts, start - delta)] === delta);
    if (!(positionsFollowOffsets ? sameByOffsets(item, candidate, lineShift, offset) : sameItem(item, candidate, lineShift, offset))) return undefined;
    used.add(candidate);
    if (offset !== 0 || lineShift !== 0) moved.push(candidate);
    return candidate;
  };
  const items = fresh.items.map((item) => {
    const same = reuse(item);
    if (same) return same;
    const children = item.kind === "bareBlock" ? item.block.items : item.kind === "statement" ? item.block?.items : undefined;
    if (children) for (let i = 0; i < children.length; i++) children[i] = reuse(children[i]) ?? children[i];
    return item;
  });
  if (moved.length) moveItems(moved, delta, lines, text);
  const result = { ...fresh, items };
  if (lines !== 0 && moved.length) {
    let line = 0;
    while (line + 1 < newStarts.length && newStarts[line + 1] <= p) line++;
    movedLines.set(result, line);
  }
  return result;
}

function offsetEnd(item: Item, starts: ArrayLike<number>): number {
  if (item instanceof SyntaxStatement) {
    const block = item.block;
    if (block instanceof SyntaxBlock && block.closeOffset >= 0) return block.closeOffset + 1;
    const last = item.args.length ? item.args[item.args.length - 1] : item.keyword;
    if (!block && last instanceof SyntaxWord && !hasBreak(last.raw)) return last.endOffset;
  }
  return (starts[item.range.end.line] ?? Infinity) + item.range.end.character;
}

/** A word with a line break: its range's end is not its end offset (see tokenEnd in lineTable.ts). */
function hasBreak(raw: string): boolean {
  return raw.indexOf("\n") >= 0 || raw.indexOf("\r") >= 0;
}

/**
 * What sameItem says when positions follow offsets (see parseReusing): syntax statements, words and
 * closed blocks are compared by their offsets, so neither tree builds a range (a full parse of 200,000
 * lines that reuses the old items built 600,000 on each side); other items are compared as sameItem does.
 */
function sameByOffsets(fresh: Item, old: Item, lines: number, offset: number): boolean {
  if (!(fresh instanceof SyntaxStatement) || !(old instanceof SyntaxStatement)) return sameItem(fresh, old, lines, offset);
  if (!fresh.condition !== !old.condition) return false;
  if (fresh.condition && (fresh.condition.id !== old.condition!.id || fresh.condition.negated !== old.condition!.negated || !sameRange(fresh.condition.range, old.condition!.range, lines))) return false;
  if (!sameWordAt(fresh.keyword, old.keyword, offset) || fresh.args.length !== old.args.length) return false;
  for (let i = 0; i < fresh.args.length; i++) if (!sameWordAt(fresh.args[i], old.args[i], offset)) return false;
  const fs = fresh.sequences ?? [];
  const os = old.sequences ?? [];
  if (!fresh.sequences !== !old.sequences || fs.length !== os.length) return false;
  for (let i = 0; i < fs.length; i++) if (fs[i].raw !== os[i].raw || !sameRange(fs[i].range, os[i].range, lines)) return false;
  if (!fresh.block !== !old.block) return false;
  if (!fresh.block) return true;
  const fb = fresh.block;
  const ob = old.block!;
  if (!(fb instanceof SyntaxBlock) || !(ob instanceof SyntaxBlock) || fb.closeOffset < 0 || ob.closeOffset < 0) return sameItem(fresh, old, lines, offset);
  if (fb.openOffset !== ob.openOffset + offset || fb.closeOffset !== ob.closeOffset + offset || fb.items.length !== ob.items.length) return false;
  for (let i = 0; i < fb.items.length; i++) if (!sameByOffsets(fb.items[i], ob.items[i], lines, offset)) return false;
  return true;
}

function sameWordAt(fresh: Word, old: Word, offset: number): boolean {
  if (!(fresh instanceof SyntaxWord) || !(old instanceof SyntaxWord) || hasBreak(fresh.raw)) return false;
  return fresh.text === old.text && fresh.raw === old.raw && fresh.startOffset === old.startOffset + offset;
}
