// One file's text → syntax tree and syntax problems. Never throws; the lexer and grammar are built once.
import type { IToken, ILexingError } from "chevrotain";
import { keepalivedLexer } from "./tokens";
import { parseTokens } from "./grammar";
import { TreeBuilder, commentsOf, tokenRange } from "./buildTree";
import type { SyntaxFile, SyntaxProblem } from "./tree";

/**
 * Blocks nest at most this deep; the braces of deeper blocks are not read as blocks. Real configs
 * nest 5 levels; the cap keeps the recursive parser, tree and rules within the stack.
 */
export const MAX_NESTING = 100;

export function parseConfig(text: string): SyntaxFile {
  const lexed = keepalivedLexer.tokenize(text);
  // Editors also end a line at a lone "\r": positions must count lines as they do.
  if (/\r(?!\n)/.test(text)) repositionForEditors(text, [lexed.tokens, lexed.groups.comments ?? []], lexed.errors);
  const builder = new TreeBuilder();
  for (const e of lexed.errors) {
    builder.problems.push({
      message: `Unexpected character '${text.substr(e.offset, e.length)}'`,
      range: {
        start: { line: (e.line ?? 1) - 1, character: (e.column ?? 1) - 1 },
        end: { line: (e.line ?? 1) - 1, character: (e.column ?? 1) - 1 + e.length },
      },
    });
  }
  const { cst, errors } = parseTokens(capNesting(lexed.tokens, builder.problems));
  for (const e of errors) {
    // Errors at the end of input carry a token without a position.
    const r = Number.isFinite(e.token.startLine) ? tokenRange(e.token) : endOf(text);
    builder.problems.push({ message: e.message.split("\n")[0], range: r });
  }
  const items = builder.fileItems(cst);
  return {
    text,
    items,
    comments: commentsOf(lexed.groups.comments),
    problems: builder.problems,
    conditionIds: builder.conditionIds,
  };
}

/** Drops the braces of blocks deeper than MAX_NESTING (their lines stay, one level up), with one problem. */
function capNesting(tokens: IToken[], problems: SyntaxProblem[]): IToken[] {
  let depth = 0;
  let dropped = 0;
  let out: IToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const name = t.tokenType.name;
    let drop = false;
    if (name === "LCurly") {
      if (depth >= MAX_NESTING) {
        if (dropped === 0 && !out) problems.push({ message: `Blocks are nested more than ${MAX_NESTING} levels deep: deeper braces are not read as blocks`, range: tokenRange(t), severity: "warning" });
        dropped++;
        drop = true;
      } else depth++;
    } else if (name === "RCurly") {
      if (dropped > 0) (dropped--, (drop = true));
      else if (depth > 0) depth--;
    }
    if (drop && !out) out = tokens.slice(0, i);
    else if (!drop && out) out.push(t);
  }
  return out ?? tokens;
}

/** Recomputes token and error positions with "\r\n", "\n" and a lone "\r" all ending a line. */
function repositionForEditors(text: string, groups: IToken[][], errors: ILexingError[]): void {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const tokens of groups) {
    for (const t of tokens) {
      const sl = lineOf(t.startOffset);
      const end = t.endOffset ?? t.startOffset;
      const el = lineOf(end);
      t.startLine = sl + 1;
      t.startColumn = t.startOffset - starts[sl] + 1;
      t.endLine = el + 1;
      t.endColumn = end - starts[el] + 1;
    }
  }
  for (const e of errors) {
    const l = lineOf(e.offset);
    e.line = l + 1;
    e.column = e.offset - starts[l] + 1;
  }
}

function endOf(text: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const lines = text.split(/\r\n?|\n/);
  const p = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start: p, end: p };
}
