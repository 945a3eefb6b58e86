// One file's text → syntax tree and syntax problems. Never throws; the lexer is built once.
import { offsetLexer } from "./tokens";
import { TreeBuilder, LineTable, commentsOf } from "./buildTree";
import type { SyntaxFile } from "./tree";

export function parseConfig(text: string): SyntaxFile {
  const lexed = offsetLexer.tokenize(text);
  const lines = new LineTable(text);
  const builder = new TreeBuilder(lines);
  for (const e of lexed.errors) {
    const start = lines.position(e.offset);
    builder.problems.push({
      message: `Unexpected character '${text.substr(e.offset, e.length)}'`,
      range: { start, end: { line: start.line, character: start.character + e.length } },
    });
  }
  const items = builder.fileItems(lexed.tokens);
  return {
    text,
    items,
    comments: commentsOf(lexed.groups.comments, lines),
    problems: builder.problems,
    conditionIds: builder.conditionIds,
  };
}
