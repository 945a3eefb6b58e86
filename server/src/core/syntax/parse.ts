// One file's text → syntax tree and syntax problems. Never throws; the lexer and grammar are built once.
import { keepalivedLexer } from "./tokens";
import { parseTokens } from "./grammar";
import { TreeBuilder, commentsOf, tokenRange } from "./buildTree";
import type { SyntaxFile } from "./tree";

export function parseConfig(text: string): SyntaxFile {
  const lexed = keepalivedLexer.tokenize(text);
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
  const { cst, errors } = parseTokens(lexed.tokens);
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

function endOf(text: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const lines = text.split("\n");
  const p = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start: p, end: p };
}
