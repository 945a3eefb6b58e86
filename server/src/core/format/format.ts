// The formatter: changes only blanks (spaces and tabs) between tokens, and line breaks at braces.
// - Each statement on its own line: a `{` of a keyword block ends its line and a `}` closing one
//   starts a line; a one-line list block (`virtual_ipaddress { 192.0.2.1 }`) stays as written.
// - One space between words outside quotes; indentation by block depth; trailing blanks dropped.
// - Comments stay on their line; quoted strings, `$NAME=` definitions, `\` continuations and
//   anything that is not a plain blank (a BOM, a no-break space, bytes that are not UTF-8 read as
//   latin1) are kept byte for byte: keepalived reads those as part of a word.
// - Lines with an `@id` condition, a `~SEQ` prefix or a `$NAME` reference are not split: the
//   prefix and the substitution apply to their whole line.
// Depth comes from the lexer's braces, never from the old indentation, which makes it idempotent;
// indentation stops growing at MAX_INDENT_DEPTH (docs/decisions/formatting.md), and lines in blocks
// nested past the parser's cap (MAX_NESTING) are left as written, so the output of deeply nested
// input stays linear in its size, and small.
import { offsetLexer } from "../syntax/tokens";
import { MAX_NESTING } from "../syntax/parse";
import { bodyContext, BlockContext } from "../config/annotate";
import { lookupKeyword } from "../schema/registry";
import { TOP } from "../schema/types";

export interface FormatOptions {
  /** One level of indentation, e.g. "    " or "\t". */
  indent: string;
}

export const DEFAULT_FORMAT: FormatOptions = { indent: "    " };

/** Deeper blocks are indented as this depth: keepalived's own nesting never comes near. */
export const MAX_INDENT_DEPTH = 16;

/** A replacement of whole lines [startLine, endLine): each entry of `lines` is the formatted text of
 *  one original line, which may hold line breaks where a statement was moved to its own line. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  lines: string[];
}

const PLAIN_BLANKS = { test: (text: string) => isPlainBlanks(text) };

/** Only spaces and tabs (or nothing): a character loop, as most of what is tested is "" or " ". */
function isPlainBlanks(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
/** Tokens whose line is never split: their prefix or substitution applies to the whole line. */
const LINE_PREFIXES = new Set(["Condition", "Sequence", "Definition"]);
const TOP_CONTEXT: BlockContext = { kind: "keywords", blockId: TOP };

function lineStartsOf(lines: string[]): number[] {
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) (starts.push(at), (at += lines[i].length + 1));
  return starts;
}

/** What the formatter reads of a token: Chevrotain's, or one made below for a plain line. */
export interface FormatToken {
  image: string;
  startOffset: number;
  tokenType: { name: string };
}

/** The tokens and comments of a lexed text in order (no line breaks), moved by `base`: two sorted lists merged. */
function lexed(text: string, base: number, into: FormatToken[]): void {
  // Offsets only: lines are counted below in one pass (full position tracking cost a third of the time).
  const { tokens, groups } = offsetLexer.tokenize(text);
  const comments = (groups.comments ?? []) as FormatToken[];
  const push = (t: FormatToken) => {
    if (base) t.startOffset += base;
    into.push(t);
  };
  let c = 0;
  for (const t of tokens) {
    if (t.tokenType.name === "Newline") continue;
    while (c < comments.length && comments[c].startOffset < t.startOffset) push(comments[c++]);
    push(t);
  }
  while (c < comments.length) push(comments[c++]);
}

const WORD = { name: "Word" };
const LCURLY = { name: "LCurly" };
const RCURLY = { name: "RCurly" };

/**
 * A line of plain words and braces: printable ASCII without quotes, comment characters, `\`, `$`, `@`
 * or `~` (a trailing "\r" aside). The lexer splits such a line at blanks and braces and nothing else,
 * so its tokens are made here; the lexer took 40 % of formatting 1 MB of such lines.
 */
function isPlain(line: string): boolean {
  const n = line.length && line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c < 33 || c > 126 || c === 34 || c === 35 || c === 33 || c === 92 || c === 36 || c === 64 || c === 126) return false;
  }
  return true;
}

function plainTokens(line: string, base: number, into: FormatToken[]): void {
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) i++;
    else if (c === 123 || c === 125) into.push({ image: c === 123 ? "{" : "}", startOffset: base + i++, tokenType: c === 123 ? LCURLY : RCURLY });
    else {
      let j = i + 1;
      for (; j < n; j++) {
        const d = line.charCodeAt(j);
        if (d === 32 || d === 9 || d === 13 || d === 123 || d === 125) break;
      }
      into.push({ image: line.slice(i, j), startOffset: base + i, tokenType: WORD });
      i = j;
    }
  }
}

/** A line ending in `\` (before an optional "\r") is continued by the next one. */
const continued = (line: string) => line.endsWith("\\") || line.endsWith("\\\r");

/**
 * The tokens and comments of the text in order (no line breaks). Plain lines are split here; runs of
 * other lines go to the lexer, each run starting at a line start and not ending in a continued line, so
 * it lexes as it would within the whole text. A `~` anywhere (a sequence prefix looks back across
 * lines for its `~`) sends the whole text to the lexer.
 */
function tokensOf(text: string, lines: string[], starts: number[]): FormatToken[] {
  return tokensForFormatting(text, lines, starts);
}

/** Exported for the test that compares them with the lexer's over the whole text. */
export function tokensForFormatting(text: string, lines = text.split("\n"), starts = lineStartsOf(lines)): FormatToken[] {
  const all: FormatToken[] = [];
  if (text.includes("~")) {
    lexed(text, 0, all);
    return all;
  }
  for (let i = 0; i < lines.length; ) {
    if (isPlain(lines[i])) {
      plainTokens(lines[i], starts[i], all);
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && (continued(lines[j]) || !isPlain(lines[j + 1]))) j++;
    const from = starts[i];
    lexed(text.slice(from, j + 1 < lines.length ? starts[j + 1] : text.length), from, all);
    i = j + 1;
  }
  return all;
}

const kindOf = (t: FormatToken) => t.tokenType.name;

/** Block contexts as keepalived nests them, to tell keyword blocks (split) from lists and unknown blocks (kept). */
class Nesting {
  private stack: BlockContext[] = [TOP_CONTEXT];
  /** Opens a block for a statement whose keyword is `keyword`; returns the body's context. */
  open(keyword: string | undefined): BlockContext {
    const ctx = this.stack[this.stack.length - 1];
    const body = ctx.kind === "keywords" && keyword !== undefined ? bodyContext(lookupKeyword(ctx.blockId, keyword)) : ({ kind: "opaque" } as BlockContext);
    this.stack.push(body);
    return body;
  }
  /** Closes the innermost block; returns its context. */
  close(): BlockContext {
    return this.stack.length > 1 ? this.stack.pop()! : { kind: "opaque" };
  }
}

/** Every line of the text, formatted: one entry per input line (split statements joined by "\n"). */
export function formatLines(text: string, options: FormatOptions = DEFAULT_FORMAT): string[] {
  const lines = text.split("\n");
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) (starts.push(at), (at += lines[i].length + 1));
  const all = tokensOf(text, lines, starts);
  // Tokens of line i are all[first[i]] .. all[first[i + 1] - 1] (they come in text order).
  const first = new Int32Array(lines.length + 1);
  const verbatim = new Uint8Array(lines.length);
  // A lone "\r" ends a line for the editor but not for keepalived: a line holding one is kept as written.
  // Trimming the blanks after it turned it into a CRLF (one editor line fewer, and not idempotent), and
  // re-indenting it moved editor lines the user had not asked about.
  for (let i = 0; i < lines.length; i++) {
    const cr = lines[i].indexOf("\r");
    if (cr >= 0 && cr < lines[i].length - 1) verbatim[i] = 1;
  }
  let line = 0;
  for (let k = 0; k < all.length; k++) {
    const t = all[k];
    while (line + 1 < lines.length && starts[line + 1] <= t.startOffset) first[++line] = k;
    // A token over several lines (a definition continued with `\`): the lines it continues on are kept as written.
    for (let at = t.image.indexOf("\n"), l = line + 1; at >= 0 && l < lines.length; at = t.image.indexOf("\n", at + 1), l++) verbatim[l] = 1;
  }
  while (line < lines.length) first[++line] = all.length;
  const NONE: FormatToken[] = [];
  const tokensOn = (i: number) => (first[i] === first[i + 1] ? NONE : all.slice(first[i], first[i + 1]));
  const indents: string[] = [];
  const indentOf = (level: number) => (indents[level] ??= options.indent.repeat(level));
  const nesting = new Nesting();
  let depth = 0;
  const out: string[] = [];
  const level = () => Math.min(MAX_INDENT_DEPTH, depth);
  // Braces always count for depth and nesting, whatever happens to the line's text.
  const track = (t: FormatToken, keyword: string | undefined): BlockContext | undefined => {
    if (kindOf(t) === "LCurly") return (depth++, nesting.open(keyword));
    if (kindOf(t) === "RCurly") return ((depth = Math.max(0, depth - 1)), nesting.close());
    return undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const cr = lines[i].endsWith("\r") ? "\r" : "";
    const body = cr ? lines[i].slice(0, -1) : lines[i];
    const toks = tokensOn(i);
    const base = starts[i];
    const prefix = body.slice(0, toks.length ? toks[0].startOffset - base : body.length);
    if (verbatim[i] || !toks.length || !PLAIN_BLANKS.test(prefix) || pastNestingCap(depth, toks)) {
      let keyword: string | undefined;
      for (const t of toks) {
        if (keyword === undefined && (kindOf(t) === "Word" || kindOf(t) === "QuotedString")) keyword = t.image;
        track(t, keyword);
        if (kindOf(t) === "LCurly" || kindOf(t) === "RCurly") keyword = undefined;
      }
      out.push(verbatim[i] || !PLAIN_BLANKS.test(body) ? lines[i] : cr);
      continue;
    }
    const splittable = !toks.some((t) => LINE_PREFIXES.has(kindOf(t)) || (kindOf(t) === "Word" && t.image.includes("$")));
    // Segments of the line, each to become one output line; `inlineDepth` counts the list (and
    // unknown) blocks opened on it, kept inline with their contents.
    const segments: { level: number; text: string }[] = [];
    let current: { level: number; text: string } | undefined;
    let prevEnd = toks[0].startOffset - base;
    let keyword: string | undefined;
    let inlineDepth = 0;
    let breakBefore = false;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      const kind = kindOf(t);
      const start = t.startOffset - base;
      const end = Math.min(start + t.image.length, body.length);
      const gap = body.slice(prevEnd, start);
      const isClose = kind === "RCurly";
      const closing = isClose ? (inlineDepth > 0 ? "inline" : "block") : undefined;
      if (closing === "inline") inlineDepth--;
      const levelHere = isClose ? Math.max(0, Math.min(MAX_INDENT_DEPTH, depth - 1)) : level();
      const ctx = track(t, keyword);
      // A word that would read differently at a line start (`@id`, `~SEQ`, `$NAME=`) is not moved there.
      const movable = splittable && PLAIN_BLANKS.test(gap) && !/^[@~$]/.test(t.image);
      const newLine = current === undefined || (movable && (breakBefore || (closing === "block" && ctx?.kind === "keywords")));
      if (newLine) {
        current = { level: levelHere, text: "" };
        segments.push(current);
      } else {
        current!.text += kind === "Comment" || !PLAIN_BLANKS.test(gap) ? gap : gap ? " " : "";
      }
      current!.text += kind === "Comment" ? t.image.slice(0, end - start).replace(/[ \t]+$/, "") : body.slice(start, end);
      breakBefore = false;
      if (kind === "LCurly") {
        // A list block closed on this line stays inline; a keyword block ends the line.
        if (ctx?.kind !== "keywords" || inlineDepth > 0) inlineDepth++;
        else breakBefore = true;
        keyword = undefined;
      } else if (isClose) {
        breakBefore = closing === "block" && ctx?.kind === "keywords";
        keyword = undefined;
      } else if (keyword === undefined && (kind === "Word" || kind === "QuotedString")) {
        keyword = t.image;
      }
      // A statement after a closed block, or a comment, ends nothing: comments stay on their line.
      if (k + 1 < toks.length && kindOf(toks[k + 1]) === "Comment") breakBefore = false;
      prevEnd = end;
    }
    const suffix = body.slice(prevEnd);
    if (!PLAIN_BLANKS.test(suffix)) current!.text += suffix;
    out.push(segments.length === 1 ? indentOf(segments[0].level) + segments[0].text + cr : segments.map((s) => indentOf(s.level) + s.text + cr).join("\n"));
  }
  return out;
}

/**
 * Whether the line sits in, opens or closes a block nested past the parser's cap: the parser does not
 * read those braces as blocks, so the formatter leaves their lines as written (re-indenting 1 MB of
 * 175,000 nested blocks made 23 MB of indentation, seconds to send and apply).
 */
function pastNestingCap(depth: number, toks: FormatToken[]): boolean {
  let d = depth;
  if (d > MAX_NESTING) return true;
  for (const t of toks) {
    const kind = kindOf(t);
    if (kind === "LCurly" && ++d > MAX_NESTING) return true;
    if (kind === "RCurly") d = Math.max(0, d - 1);
  }
  return false;
}

export function formatText(text: string, options: FormatOptions = DEFAULT_FORMAT): string {
  return formatLines(text, options).join("\n");
}

/** Minimal line edits turning `text` into its formatted form, limited to lines [fromLine, toLine]. */
export function formatEdits(text: string, options: FormatOptions = DEFAULT_FORMAT, fromLine = 0, toLine = Number.MAX_SAFE_INTEGER): LineEdit[] {
  const before = text.split("\n");
  const after = formatLines(text, options);
  const edits: LineEdit[] = [];
  for (let i = Math.max(0, fromLine); i < before.length && i <= toLine; i++) {
    if (before[i] === after[i]) continue;
    const last = edits[edits.length - 1];
    if (last && last.endLine === i) (last.endLine = i + 1), last.lines.push(after[i]);
    else edits.push({ startLine: i, endLine: i + 1, lines: [after[i]] });
  }
  return edits;
}
