// One file's text → syntax tree and syntax problems. Never throws; the lexer is built once.
import type { IToken } from "chevrotain";
import { offsetLexer } from "./tokens";
import { TreeBuilder, LineTable, commentsOf } from "./buildTree";
import type { SyntaxFile, SyntaxProblem } from "./tree";

/**
 * Blocks nest at most this deep; the braces of deeper blocks are not read as blocks. Real configs
 * nest 5 levels; the cap keeps expansion, re-nesting and the rules (which recurse) within the stack.
 */
export const MAX_NESTING = 100;

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
  const items = builder.fileItems(capNesting(lexed.tokens, builder.problems, lines));
  return {
    text,
    items,
    comments: commentsOf(lexed.groups.comments, lines),
    problems: builder.problems,
    conditionIds: builder.conditionIds,
  };
}

/** Drops the braces of blocks deeper than MAX_NESTING (their lines stay, one level up), with one problem. */
function capNesting(tokens: IToken[], problems: SyntaxProblem[], lines: LineTable): IToken[] {
  let depth = 0;
  let dropped = 0;
  let out: IToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const name = t.tokenType.name;
    let drop = false;
    if (name === "LCurly") {
      if (depth >= MAX_NESTING) {
        if (dropped === 0 && !out) problems.push({ message: `Blocks are nested more than ${MAX_NESTING} levels deep: deeper braces are not read as blocks`, range: lines.tokenRange(t), severity: "warning" });
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
