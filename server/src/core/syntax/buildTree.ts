// Token stream → syntax tree, in one pass with an explicit stack (no recursion, so nesting depth
// costs memory, not call stack). Also where structural mistakes get their messages: a stray `}`
// or an unclosed block is reported here with the range a user needs.
//
// The grammar is flat — a body is a list of entries (conditions, definitions, sequence prefixes,
// statements `word args... [{ body }]`, bare blocks `{ body }`), a `}` closes the innermost block,
// every token sequence is accepted — so the tree is built straight from Chevrotain's tokens
// (docs/decisions/tree-from-tokens.md). Positions come from offsets and a table of line starts.
import type { IToken } from "chevrotain";
import type { Range, Position } from "../util/range";
import type { Block, Comment, ConditionPrefix, Item, Statement, SyntaxProblem, Word, Definition, SequencePrefix } from "./tree";
import { Newline, LCurly, RCurly, QuotedString, UnterminatedString, Word as WordToken, Definition as DefinitionToken, Condition, Sequence } from "./tokens";

/** Offsets → line/character, for offsets asked in increasing order (a forward cursor) or any order. */
export class LineTable {
  readonly starts: number[] = [0];
  private cursor = 0;
  /** The text has a lone "\r": a token's end is found by offset, as tokenEnd counts "\n" only. */
  private readonly loneCr: boolean;

  constructor(text: string) {
    // Editors also end a line at a lone "\r": positions count lines as they do.
    this.loneCr = /\r(?!\n)/.test(text);
    if (this.loneCr) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
      }
    } else for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const starts = this.starts;
    let line = this.cursor;
    if (starts[line] > offset) line = 0;
    if (line + 1 < starts.length && starts[line + 1] <= offset) {
      // Far ahead: binary search; near: step.
      if (line + 8 < starts.length && starts[line + 8] <= offset) {
        let lo = line + 8;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        line = lo;
      } else while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    }
    this.cursor = line;
    return { line, character: offset - starts[line] };
  }

  /** The range of a token as Chevrotain's full position tracking reports it (see tokenEnd). */
  tokenRange(t: IToken): Range {
    const start = this.position(t.startOffset);
    if (!this.loneCr) return { start, end: tokenEnd(t.image, start) };
    // A final line break is not part of the range (as in tokenEnd).
    const last = t.image.charCodeAt(t.image.length - 1);
    const end = t.startOffset + t.image.length - (t.image.length > 1 && (last === 10 || last === 13) ? 1 : 0);
    return { start, end: this.position(end) };
  }
}

/**
 * Where a token ends. Within one line: after its last character. A token spanning lines (a
 * definition continued with `\`) ends after its last character too, except that a final newline
 * is not counted, as Chevrotain's own position tracking did (kept so ranges do not move).
 */
function tokenEnd(image: string, start: Position): Position {
  const last = image.lastIndexOf("\n");
  if (last < 0) return { line: start.line, character: start.character + image.length };
  let breaks = 0;
  for (let i = image.indexOf("\n"); i >= 0; i = image.indexOf("\n", i + 1)) breaks++;
  if (last !== image.length - 1) return { line: start.line + breaks, character: image.length - last - 1 };
  if (breaks === 1) return { line: start.line, character: start.character + image.length };
  return { line: start.line + breaks - 1, character: 1 };
}

/** A body being filled: the file, a statement's block or a bare block. */
interface OpenBody {
  items: Item[];
  topLevel: boolean;
  /** The block and its owner (undefined for the file). */
  open?: Range;
  owner?: Statement | { bareBlock: true; condition?: ConditionPrefix };
  condition?: ConditionPrefix;
  sequences: SequencePrefix[];
  prefixLine: number;
}

export class TreeBuilder {
  readonly problems: SyntaxProblem[] = [];
  readonly conditionIds = new Set<string>();

  constructor(private readonly lines: LineTable) {}

  /** The items of a file from its (non-comment) tokens. */
  fileItems(tokens: IToken[]): Item[] {
    const file: OpenBody = { items: [], topLevel: true, sequences: [], prefixLine: -1 };
    const stack: OpenBody[] = [file];
    let body = file;
    let i = 0;
    const n = tokens.length;
    while (i < n) {
      const t = tokens[i];
      const type = t.tokenType;
      if (type === Newline) {
        i++;
        continue;
      }
      const range = this.lines.tokenRange(t);
      if (type === RCurly && !body.topLevel) {
        stack.pop();
        const inner = body;
        body = stack[stack.length - 1];
        this.closeBody(inner, range, body);
        i++;
        continue;
      }
      if ((body.condition || body.sequences.length) && range.start.line !== body.prefixLine) this.flushPrefixes(body);
      i++;
      if (type === RCurly) {
        this.problems.push({ message: "Extra '}' found: no block is open here", range });
      } else if (type === Condition) {
        body.condition = this.condition(t, range);
        body.prefixLine = range.start.line;
      } else if (type === Sequence) {
        body.sequences.push({ raw: t.image, range });
        body.prefixLine = range.start.line;
      } else if (type === DefinitionToken) {
        body.items.push({ ...parseDefinition(t, range), condition: this.used(body.condition) });
        body.condition = undefined;
      } else if (type === LCurly) {
        const owner = { bareBlock: true as const, condition: this.used(body.condition) };
        body.condition = undefined;
        body.sequences = [];
        body = { items: [], topLevel: false, open: range, owner, sequences: [], prefixLine: -1 };
        stack.push(body);
      } else {
        // A statement: its keyword, the words after it, and a block if a `{` follows.
        const keyword = this.word(t, range);
        // Sized exactly: a pushed-to array keeps room for 16 more, and files have 100,000s of these.
        let count = 0;
        while (i + count < n && isWord(tokens[i + count].tokenType)) count++;
        const args: Word[] = count ? new Array(count) : [];
        for (let k = 0; k < count; k++, i++) args[k] = this.word(tokens[i], this.lines.tokenRange(tokens[i]));
        const last = args.length ? args[args.length - 1].range : keyword.range;
        const s: Statement = { kind: "statement", keyword, args, block: undefined, range: { start: keyword.range.start, end: last.end } };
        if (body.condition) s.condition = this.used(body.condition);
        if (body.sequences.length) s.sequences = body.sequences;
        body.condition = undefined;
        body.sequences = [];
        if (i < n && tokens[i].tokenType === LCurly) {
          const open = this.lines.tokenRange(tokens[i]);
          i++;
          body = { items: [], topLevel: false, open, owner: s, sequences: [], prefixLine: -1 };
          stack.push(body);
        } else body.items.push(s);
      }
    }
    // keepalived closes whatever is open at the end of the file without a word.
    while (stack.length > 1) {
      const inner = stack.pop()!;
      this.closeBody(inner, undefined, stack[stack.length - 1]);
    }
    this.flushPrefixes(file);
    return attachNextLineBlocks(file.items);
  }

  /** Ends a block body (at its `}`, or at the end of the file) and adds it to the body around it. */
  private closeBody(body: OpenBody, close: Range | undefined, outer: OpenBody): void {
    this.flushPrefixes(body);
    const items = attachNextLineBlocks(body.items);
    const open = body.open!;
    if (!close) this.problems.push({ message: "Missing '}': this block is never closed, so it runs to the end of the file", range: open, severity: "warning" });
    const lastItem = items[items.length - 1];
    const end = close ? close.end : lastItem ? lastItem.range.end : open.end;
    const block: Block = { open, close, items, range: { start: open.start, end } };
    const owner = body.owner!;
    if ("bareBlock" in owner) {
      outer.items.push({ kind: "bareBlock", block, condition: owner.condition, range: block.range });
    } else {
      owner.block = block;
      owner.range = { start: owner.keyword.range.start, end: block.range.end };
      outer.items.push(owner);
    }
  }

  private flushPrefixes(body: OpenBody): void {
    const { condition, sequences } = body;
    if (sequences.length) this.problems.push({ message: "Nothing follows the sequence prefix", range: sequences[sequences.length - 1].range });
    // keepalived skips a lone `@id` line without a word: harmless, but probably not what was meant.
    else if (condition) this.problems.push({ message: `Nothing follows the condition '@${condition.negated ? "^" : ""}${condition.id}': keepalived skips this line`, range: condition.range, severity: "warning" });
    body.condition = undefined;
    body.sequences = [];
  }

  /** A condition that applies to an item: its id names a node (a lone `@id` line names nothing). */
  private used(condition: ConditionPrefix | undefined): ConditionPrefix | undefined {
    if (condition?.id) this.conditionIds.add(condition.id);
    return condition;
  }

  private condition(t: IToken, range: Range): ConditionPrefix {
    const negated = t.image.startsWith("@^");
    const id = t.image.slice(negated ? 2 : 1);
    if (!id) this.problems.push({ message: "A condition needs a config id after '@'", range });
    return { id, negated, range };
  }

  /** One string per distinct short word: keywords and values repeat thousands of times in a file. */
  private readonly texts = new Map<string, string>();

  private intern(s: string): string {
    if (s.length > 32) return s;
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    this.texts.set(s, s);
    return s;
  }

  private word(t: IToken, range: Range): Word {
    const kind = t.tokenType;
    const raw = this.intern(t.image);
    let text = raw;
    if (kind === QuotedString) text = this.intern(raw.slice(1, -1));
    else if (kind === UnterminatedString) {
      text = raw.slice(1);
      this.problems.push({ message: "Unterminated quote: the string has no closing '\"' on this line", range });
    } else if (raw.includes("\\")) {
      text = raw.replace(/\\([#!])/g, "$1");
    }
    return { text, raw, quoted: kind !== WordToken, range, startOffset: t.startOffset, endOffset: t.startOffset + raw.length };
  }
}

function isWord(type: IToken["tokenType"]): boolean {
  return type === WordToken || type === QuotedString || type === UnterminatedString;
}

/** keepalived lets a block's `{` stand alone on the line after its keyword. */
function attachNextLineBlocks(items: Item[]): Item[] {
  // The list is kept for the life of the tree: an exact copy, without the room pushing left.
  if (!items.some((item) => item.kind === "bareBlock")) return items.slice();
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === "bareBlock" && !item.condition && prev?.kind === "statement" && !prev.block) {
      prev.block = item.block;
      prev.range = { start: prev.range.start, end: item.block.range.end };
      continue;
    }
    out.push(item);
  }
  return out.slice();
}

function parseDefinition(t: IToken, r: Range): Definition {
  const eq = t.image.indexOf("=");
  const name = t.image.slice(1, eq).trim();
  const lines = t.image
    .slice(eq + 1)
    .split(/\\\r?\n/)
    .map((l) => stripComment(l).trim())
    .filter((l, i) => i === 0 || l.length > 0);
  return {
    kind: "definition",
    name,
    value: lines.join("\n").trim(),
    nameRange: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 + name.length } },
    range: r,
  };
}

/** Removes a `#`/`!` comment that starts outside double quotes. */
export function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "#" || c === "!")) return line.slice(0, i);
  }
  return line;
}

export function commentsOf(tokens: IToken[] | undefined, lines: LineTable): Comment[] {
  return (tokens ?? []).map((t) => ({ text: t.image, range: lines.tokenRange(t), startOffset: t.startOffset }));
}
