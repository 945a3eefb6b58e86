// Token stream → syntax tree, in one pass with an explicit stack (no recursion, so nesting depth
// costs memory, not call stack). Also where structural mistakes get their messages: a stray `}`
// or an unclosed block is reported here with the range a user needs.
//
// The grammar is flat — a body is a list of entries (conditions, definitions, sequence prefixes,
// statements `word args... [{ body }]`, bare blocks `{ body }`), a `}` closes the innermost block,
// every token sequence is accepted — so the tree is built straight from Chevrotain's tokens
// (docs/decisions/tree-from-tokens.md). Words, statements and blocks keep offsets and the table of
// line starts, and build their ranges when asked (treeNodes.ts); rarer items get theirs now.
import type { IToken } from "chevrotain";
import type { Range } from "../util/range";
import type { Comment, ConditionPrefix, Item, SyntaxProblem, Word, Definition, SequencePrefix } from "./tree";
import { LineTable } from "./lineTable";
import { RawSyntaxWord, SyntaxBlock, SyntaxStatement, SyntaxWord, UnclosedSyntaxBlock } from "./treeNodes";
import { LCurly, RCurly, QuotedString, UnterminatedString, Word as WordToken, Definition as DefinitionToken, Condition, Sequence } from "./tokens";

/** The arguments of every statement that has none (a block's keyword, a list line): one frozen array, not 10,000s. */
const NO_WORDS = Object.freeze([]) as unknown as Word[];

/**
 * A body being filled: the file, a statement's block or a bare block. Its items so far are the top of
 * the builder's one item stack from `start` on (an inner body closes before its outer one goes on), and
 * a frame is reused by the next body opened at its depth: a list grown by push and an object per block,
 * copied out at the end, were most of what building allocated besides the tree.
 */
interface OpenBody {
  start: number;
  topLevel: boolean;
  /** Where the block's `{` is, and its owner (undefined for the file). */
  openOffset: number;
  owner: SyntaxStatement | { bareBlock: true; condition?: ConditionPrefix } | undefined;
  condition: ConditionPrefix | undefined;
  /** Sequence prefixes waiting for their statement (undefined: none, without a list per body). */
  sequences: SequencePrefix[] | undefined;
  prefixLine: number;
  /** A bare `{ }` is among the items (keepalived may attach it to the statement before it). */
  hasBareBlock: boolean;
}

/** A body opened at `openOffset`; every body has the same fields, so the builder's reads of them see one shape. */
function openBody(start: number, topLevel: boolean, openOffset: number, owner: OpenBody["owner"]): OpenBody {
  return { start, topLevel, openOffset, owner, condition: undefined, sequences: undefined, prefixLine: -1, hasBareBlock: false };
}

export class TreeBuilder {
  readonly problems: SyntaxProblem[] = [];
  readonly conditionIds = new Set<string>();

  constructor(private readonly lines: LineTable) {}

  /** The items of every open body, the innermost's on top (see OpenBody). */
  private readonly items: Item[] = [];
  private readonly file: OpenBody = openBody(0, true, -1, undefined);
  /** The open bodies, the file first; frames past `depth` are kept for reuse. */
  private readonly stack: OpenBody[] = [this.file];
  private depth = 0;
  private body: OpenBody = this.file;

  /** Opens a body inside the current one (reusing the frame last opened at that depth). */
  private open(openOffset: number, owner: OpenBody["owner"]): OpenBody {
    const depth = ++this.depth;
    const start = this.items.length;
    const frame = this.stack[depth];
    if (!frame) {
      const body = openBody(start, false, openOffset, owner);
      this.stack.push(body);
      return body;
    }
    frame.start = start;
    frame.openOffset = openOffset;
    frame.owner = owner;
    frame.condition = undefined;
    frame.sequences = undefined;
    frame.prefixLine = -1;
    frame.hasBareBlock = false;
    return frame;
  }

  /**
   * Adds the (non-comment) tokens of one piece of the file (the offset lexer's: no line breaks), whose offsets count from `base`. Pieces end
   * at a line break outside any token, so a statement's words never span two pieces; the tokens of one
   * piece are garbage once it is read (a whole file's tokens outlived the parse and cost 100s of MB).
   */
  feed(tokens: IToken[], base: number, piece: string): void {
    const stack = this.stack;
    const items = this.items;
    let body = this.body;
    let i = 0;
    const n = tokens.length;
    while (i < n) {
      const t = tokens[i];
      const type = t.tokenType;
      const offset = base + t.startOffset;
      if (type === RCurly && !body.topLevel) {
        const inner = body;
        body = stack[--this.depth];
        this.closeBody(inner, offset, body);
        i++;
        continue;
      }
      if ((body.condition || body.sequences) && this.lines.lineOf(offset) !== body.prefixLine) this.flushPrefixes(body);
      i++;
      if (type === RCurly) {
        this.problems.push({ message: "Extra '}' found: no block is open here", range: this.lines.charRange(offset) });
      } else if (type === Condition) {
        const range = this.lines.tokenRange(t, base);
        body.condition = this.condition(t, range);
        body.prefixLine = range.start.line;
      } else if (type === Sequence) {
        const range = this.lines.tokenRange(t, base);
        (body.sequences ??= []).push({ raw: t.image, range });
        body.prefixLine = range.start.line;
      } else if (type === DefinitionToken) {
        items.push({ ...parseDefinition(t, this.lines.tokenRange(t, base)), condition: this.used(body.condition) });
        body.condition = undefined;
      } else if (type === LCurly) {
        const owner = { bareBlock: true as const, condition: this.used(body.condition) };
        body.condition = undefined;
        body.sequences = undefined;
        body = this.open(offset, owner);
      } else {
        // A statement: its keyword, the words after it, and a block if a `{` follows.
        const keyword = this.word(t, base);
        // Sized exactly: a pushed-to array keeps room for 16 more, and files have 100,000s of these.
        let count = 0;
        for (let prev = t; i + count < n; count++) {
          const next = tokens[i + count];
          if (!isWord(next.tokenType) || lineEndsBetween(piece, prev.startOffset + prev.image.length, next.startOffset)) break;
          prev = next;
        }
        const args: Word[] = count ? new Array(count) : NO_WORDS;
        for (let k = 0; k < count; k++, i++) args[k] = this.word(tokens[i], base);
        const s = new SyntaxStatement(keyword, args);
        if (body.condition) s.condition = this.used(body.condition);
        body.condition = undefined;
        // The waiting list is given away; a body has none until a prefix comes.
        if (body.sequences) (s.sequences = body.sequences), (body.sequences = undefined);
        const last = count ? tokens[i - 1] : t;
        if (i < n && tokens[i].tokenType === LCurly && !lineEndsBetween(piece, last.startOffset + last.image.length, tokens[i].startOffset)) {
          const openOffset = base + tokens[i].startOffset;
          i++;
          body = this.open(openOffset, s);
        } else items.push(s);
      }
    }
    this.body = body;
  }

  /** The items of the file, once every piece is fed. */
  finish(): Item[] {
    const stack = this.stack;
    // keepalived closes whatever is open at the end of the file without a word.
    while (this.depth > 0) {
      const inner = stack[this.depth--];
      this.closeBody(inner, -1, stack[this.depth]);
    }
    this.body = this.file;
    this.flushPrefixes(this.file);
    return this.itemsOf(this.file);
  }

  /** Ends a block body (at its `}`, or at the end of the file: -1) and adds it to the body around it. */
  private closeBody(body: OpenBody, closeOffset: number, outer: OpenBody): void {
    this.flushPrefixes(body);
    const items = this.itemsOf(body);
    const openOffset = body.openOffset;
    let unclosedEnd;
    if (closeOffset < 0) {
      const open = this.lines.charRange(openOffset);
      this.problems.push({ message: "Missing '}': this block is never closed in this file, so keepalived reads what follows it, up to the end of the configuration, inside it", range: open, severity: "warning" });
      const lastItem = items[items.length - 1];
      unclosedEnd = lastItem ? lastItem.range.end : open.end;
    }
    const block = unclosedEnd ? new UnclosedSyntaxBlock(items, this.lines, openOffset, unclosedEnd) : new SyntaxBlock(items, this.lines, openOffset, closeOffset);
    const owner = body.owner!;
    if ("bareBlock" in owner) {
      this.items.push({ kind: "bareBlock", block, condition: owner.condition, range: block.range });
      outer.hasBareBlock = true;
    } else {
      owner.block = block;
      this.items.push(owner);
    }
    // Nothing of the closed body is kept by its frame (it is reused).
    body.owner = undefined;
  }

  /** A closed body's items, taken off the item stack: an exact copy, for the life of the tree. */
  private itemsOf(body: OpenBody): Item[] {
    const all = this.items;
    const items = body.hasBareBlock ? attachNextLineBlocks(all, body.start) : all.slice(body.start);
    // Popped, which keeps the stack's room (setting its length gives it back).
    while (all.length > body.start) all.pop();
    return items;
  }

  private flushPrefixes(body: OpenBody): void {
    const { condition, sequences } = body;
    if (sequences) this.problems.push({ message: "Nothing follows the sequence prefix", range: sequences[sequences.length - 1].range });
    // keepalived skips a lone `@id` line without a word: harmless, but probably not what was meant.
    else if (condition) this.problems.push({ message: `Nothing follows the condition '@${condition.negated ? "^" : ""}${condition.id}': keepalived skips this line`, range: condition.range, severity: "warning" });
    body.condition = undefined;
    body.sequences = undefined;
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

  /** One string per distinct short quoted text: values repeat thousands of times in a file (bare words are shared by the lexer). */
  private readonly texts = new Map<string, string>();

  private intern(s: string): string {
    if (s.length > 32) return s;
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    this.texts.set(s, s);
    return s;
  }

  private word(t: IToken, base: number): SyntaxWord {
    const kind = t.tokenType;
    // A bare word's image is shared already (tokens.ts, WordCache).
    const raw = kind === WordToken ? t.image : this.intern(t.image);
    const offset = base + t.startOffset;
    let text = raw;
    if (kind === QuotedString) text = this.intern(raw.slice(1, -1));
    else if (kind === UnterminatedString) {
      text = raw.slice(1);
      this.problems.push({ message: "Unterminated quote: the string has no closing '\"' on this line", range: this.lines.imageRange(offset, raw) });
    } else if (raw.includes("\\")) {
      text = raw.replace(/\\([#!])/g, "$1");
    }
    return text === raw ? new SyntaxWord(text, offset, this.lines) : new RawSyntaxWord(text, raw, offset, this.lines);
  }
}

/**
 * Whether a line ends in the skipped text between two tokens of a piece (`from`: the first one's end):
 * blanks, line breaks, comments and unexpected characters. Every line break there ends a line: a `\`
 * before one is part of a word (keepalived joins lines only inside a `$NAME=` definition, one token).
 */
function lineEndsBetween(piece: string, from: number, to: number): boolean {
  // A loop over the gap only: indexOf would run on to the next line break, past every word of a long line.
  for (let i = from; i < to; i++) if (piece.charCodeAt(i) === 10) return true;
  return false;
}

function isWord(type: IToken["tokenType"]): boolean {
  return type === WordToken || type === QuotedString || type === UnterminatedString;
}

/** keepalived lets a block's `{` stand alone on the line after its keyword: the items from `start` on, so attached. */
function attachNextLineBlocks(all: Item[], start: number): Item[] {
  const out: Item[] = [];
  for (let i = start; i < all.length; i++) {
    const item = all[i];
    const prev = out[out.length - 1];
    if (item.kind === "bareBlock" && !item.condition && prev?.kind === "statement" && !prev.block) {
      prev.block = item.block; // its range now runs to the block's end
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

/** Appends the comments of one piece of the file (offsets from `base`) to `into`. */
export function commentsOf(tokens: IToken[] | undefined, lines: LineTable, base: number, into: Comment[]): void {
  if (tokens) for (const t of tokens) into.push({ text: t.image, range: lines.tokenRange(t, base), startOffset: base + t.startOffset });
}
