// One edit that adds statements to global_defs, where keepalived will read them: into the root's
// global_defs (else one in an included file), or a new block after the root's leading comments.
// Lines go before the closing brace only when that brace is sure to close global_defs as keepalived
// reads it: a nested block (say a misspelt `notification_emai {`, whose `{` keepalived ignores) makes
// its `}` close global_defs early, so then they go right after the opening `{`.
import type { ConfigStatement } from "./expand";
import type { TextEdit } from "../check/diagnostic";
import { editorLines, hasLoneCr } from "../util/lineStarts";

export interface GlobalDefsEdit {
  edit: TextEdit;
  /** A new global_defs block is created. */
  creates: boolean;
}

/** The global_defs blocks keepalived reads (top level, as re-nested). */
export function globalDefsBlocks(statements: ConfigStatement[]): ConfigStatement[] {
  return statements.filter((s) => s.keyword.text === "global_defs" && s.children);
}

function holdsNestedBlock(s: ConfigStatement): boolean {
  return (s.syntax.block?.items ?? []).some((i) => i.kind === "statement" && !!i.block);
}

export function addToGlobalDefs(root: string, statements: ConfigStatement[], read: (file: string) => string | undefined, lines: string[]): GlobalDefsEdit | undefined {
  const blocks = globalDefsBlocks(statements);
  const globalDefs = blocks.filter((b) => b.file === root).pop() ?? blocks.pop();
  const file = globalDefs?.file ?? root;
  const text = read(file) ?? "";
  // Lines as the edit's positions count them (a CRLF's "\r" is not part of a line).
  const fileLines = editorLines(text);
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "    ";
  const body = lines.map((l) => `${indent}${l}\n`).join("");
  // A lone "\r" ends a line for the editor, not for keepalived: the start of an editor line may be the middle
  // of a keepalived line, so lines go only where a "\n" is sure to stand before them.
  const loneCr = hasLoneCr(text);
  if (globalDefs) {
    const block = globalDefs.block;
    if (!block?.close || globalDefs.keyword.substituted) return undefined;
    const closeLine = fileLines[block.close.start.line] ?? "";
    if (!loneCr && !holdsNestedBlock(globalDefs) && /^[ \t]*$/.test(closeLine.slice(0, block.close.start.character))) {
      const at = { line: block.close.start.line, character: 0 };
      return { creates: false, edit: { file, range: { start: at, end: at }, newText: body } };
    }
    // After the `{`: on the next line when nothing follows it, else breaking its line.
    const openLine = fileLines[block.open.end.line] ?? "";
    if (!loneCr && /^[ \t\r]*$/.test(openLine.slice(block.open.end.character)) && block.open.end.line + 1 < fileLines.length) {
      const at = { line: block.open.end.line + 1, character: 0 };
      return { creates: false, edit: { file, range: { start: at, end: at }, newText: body } };
    }
    return { creates: false, edit: { file, range: { start: block.open.end, end: block.open.end }, newText: "\n" + body } };
  }
  // No global_defs: add one after the leading comment lines.
  let at = 0;
  while (!loneCr && at < fileLines.length && /^\s*([#!].*)?$/.test(fileLines[at]) && fileLines[at].trim() !== "") at++;
  const created = `global_defs {\n${body}}\n` + (at < fileLines.length && fileLines[at].trim() !== "" ? "\n" : "");
  return { creates: true, edit: { file: root, range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: created } };
}
