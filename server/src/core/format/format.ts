// The formatter: re-indents lines by block depth and trims trailing blanks. Nothing else moves, so
// every token and comment survives and the line count never changes (a range edit maps 1:1).
// Depth comes from the lexer's braces, never from the old indentation, which makes it idempotent.
import type { IToken } from "chevrotain";
import { keepalivedLexer } from "../syntax/tokens";

export interface FormatOptions {
  /** One level of indentation, e.g. "    " or "\t". */
  indent: string;
}

export const DEFAULT_FORMAT: FormatOptions = { indent: "    " };

/** A replacement of whole lines [startLine, endLine) — the same count of lines in `lines`. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  lines: string[];
}

interface LineFacts {
  /** Depth of nesting in force at the start of the line. */
  depth: number;
  /** The line begins with `}`: it sits one level out. */
  closesFirst: boolean;
  /** Part of a multi-line token or a `\` continuation: written as it was. */
  verbatim: boolean;
  /** Ends in an unterminated quote, whose trailing blanks are part of the value. */
  keepTrailing: boolean;
}

function lineFacts(text: string, lines: string[]): LineFacts[] {
  const { tokens, groups } = keepalivedLexer.tokenize(text);
  const delta = new Array<number>(lines.length).fill(0);
  const firstBraceClose = new Array<boolean>(lines.length).fill(false);
  const firstTokenSeen = new Array<boolean>(lines.length).fill(false);
  const verbatim = new Array<boolean>(lines.length).fill(false);
  const keepTrailing = new Array<boolean>(lines.length).fill(false);
  const commentEnds = new Set<number>();
  for (const c of (groups.comments ?? []) as IToken[]) commentEnds.add((c.startLine ?? 1) - 1);
  for (const t of tokens) {
    const line = (t.startLine ?? 1) - 1;
    const name = t.tokenType.name;
    if (name === "Newline") continue;
    if (!firstTokenSeen[line]) {
      firstTokenSeen[line] = true;
      firstBraceClose[line] = name === "RCurly";
    }
    if (name === "UnterminatedString") keepTrailing[line] = true;
    if (name === "LCurly") delta[line]++;
    else if (name === "RCurly") delta[line]--;
    for (let l = line + 1; l <= (t.endLine ?? line + 1) - 1; l++) verbatim[l] = true;
  }
  // A line ending in an unescaped `\` outside a comment continues on the next one.
  for (let i = 0; i + 1 < lines.length; i++) {
    const body = lines[i].replace(/\r$/, "");
    if (!commentEnds.has(i) && /(^|[^\\])(\\\\)*\\$/.test(body)) verbatim[i + 1] = true;
  }
  const out: LineFacts[] = [];
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    out.push({ depth, closesFirst: firstBraceClose[i], verbatim: verbatim[i], keepTrailing: keepTrailing[i] });
    depth = Math.max(0, depth + delta[i]);
  }
  return out;
}

function formatLine(line: string, facts: LineFacts, options: FormatOptions): string {
  if (facts.verbatim) return line;
  const cr = line.endsWith("\r") ? "\r" : "";
  const body = cr ? line.slice(0, -1) : line;
  let content = body.trim();
  // A trailing `\ ` is an escaped blank inside a word: trimming it would join the next line.
  if (content.endsWith("\\") || facts.keepTrailing) content = body.trimStart();
  if (!content) return cr;
  const level = Math.max(0, facts.depth - (facts.closesFirst ? 1 : 0));
  return options.indent.repeat(level) + content + cr;
}

/** Every line of the text, formatted; the result has as many lines as the input. */
export function formatLines(text: string, options: FormatOptions = DEFAULT_FORMAT): string[] {
  const lines = text.split("\n");
  const facts = lineFacts(text, lines);
  return lines.map((l, i) => formatLine(l, facts[i], options));
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
