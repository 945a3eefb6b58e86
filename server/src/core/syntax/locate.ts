// What sits at a position of one file's syntax tree: the blocks around it, the statement on its
// line and the word under it. Editors ask this for completion, hover and selection ranges.
import type { Position, Range } from "../util/range";
import { comparePositions, containsPosition, sameRange } from "../util/range";
import type { Block, Item, Statement, SyntaxFile, Word } from "./tree";

export interface Location {
  /** Statements whose block contains the position, outermost first. */
  enclosing: Statement[];
  /** Inside a `{ ... }` that has no keyword: nothing is known about it. */
  inBareBlock: boolean;
  /** The statement written on the position's line, in the innermost block, if any. */
  statement?: Statement;
  /** The word touching the position (its end counts, so a word being typed is found). */
  word?: Word;
  /** 0 for the keyword, 1.. for arguments; the index a new word typed here would get. */
  wordIndex: number;
}

function insideBlock(block: Block, pos: Position): boolean {
  if (comparePositions(pos, block.open.end) < 0) return false;
  return !block.close || comparePositions(pos, block.close.start) <= 0;
}

export function locate(syntax: SyntaxFile, pos: Position): Location {
  const enclosing: Statement[] = [];
  let inBareBlock = false;
  let items: Item[] = syntax.items;
  for (;;) {
    const holder = items.find((i) => i.kind !== "definition" && (i.kind === "bareBlock" ? insideBlock(i.block, pos) : !!i.block && insideBlock(i.block, pos)));
    if (!holder || holder.kind === "definition") break;
    if (holder.kind === "bareBlock") {
      inBareBlock = true;
      items = holder.block.items;
      continue;
    }
    enclosing.push(holder);
    items = holder.block!.items;
  }
  const statement = items.find(
    (i): i is Statement => i.kind === "statement" && i.keyword.range.start.line === pos.line && comparePositions(i.keyword.range.start, pos) <= 0,
  );
  let word: Word | undefined;
  let wordIndex = 0;
  if (statement) {
    const words = [statement.keyword, ...statement.args].filter((w) => w.range.start.line === pos.line);
    word = words.find((w) => containsPosition(w.range, pos));
    wordIndex = word ? [statement.keyword, ...statement.args].indexOf(word) : 1 + statement.args.filter((w) => comparePositions(w.range.end, pos) <= 0).length;
    if (statement.block && comparePositions(pos, statement.block.open.start) > 0) word = undefined;
  }
  return { enclosing, inBareBlock, statement, word, wordIndex };
}

/** Every statement of the file, depth-first, with the statements around it. */
export function* statementsOf(items: Item[], parents: Statement[] = []): Generator<{ statement: Statement; parents: Statement[] }> {
  for (const item of items) {
    if (item.kind === "definition") continue;
    if (item.kind === "bareBlock") {
      yield* statementsOf(item.block.items, parents);
      continue;
    }
    yield { statement: item, parents };
    if (item.block) yield* statementsOf(item.block.items, [...parents, item]);
  }
}

/** The innermost-first chain of ranges around a position: word, statement, blocks, file. */
export function rangesAround(syntax: SyntaxFile, pos: Position): Range[] {
  const loc = locate(syntax, pos);
  const out: Range[] = [];
  if (loc.word) out.push(loc.word.range);
  if (loc.statement && containsPosition(loc.statement.range, pos)) out.push(loc.statement.range);
  for (const s of [...loc.enclosing].reverse()) {
    if (s.block) {
      const b = s.block;
      const interior = b.close && { start: { line: b.open.end.line + 1, character: 0 }, end: { line: b.close.start.line, character: 0 } };
      if (interior && b.close!.start.line > b.open.end.line + 1 && containsPosition(interior, pos)) out.push(interior);
    }
    out.push(s.range);
  }
  // Each range holds the position and the one before it, and is larger than it: blocks that share lines
  // (`a { b {` on one line) give an interior smaller than the block inside it, and a block left open ends at
  // its last word, before a cursor further on. Editors refuse a chain that does not grow.
  const chain: Range[] = [];
  for (const r of out) {
    const inner = chain[chain.length - 1];
    if (!containsPosition(r, pos)) continue;
    if (inner && !(containsRange(r, inner) && !sameRange(r, inner))) continue;
    chain.push(r);
  }
  return chain;
}

function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
