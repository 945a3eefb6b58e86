// Folding: every block that spans lines (its closing brace stays visible) and runs of comment lines.
import { FoldingRange, FoldingRangeKind, FoldingRangeParams } from "vscode-languageserver/node";
import type { Item } from "../core/syntax/tree";
import type { WorkspaceIndex } from "./workspaceIndex";
import { uriToPath } from "./uris";
import { editorLines } from "../core/util/lineStarts";

function blockRanges(items: Item[], out: FoldingRange[]): void {
  for (const item of items) {
    if (item.kind === "definition") {
      if (item.range.end.line > item.range.start.line) out.push({ startLine: item.range.start.line, endLine: item.range.end.line });
      continue;
    }
    const block = item.block;
    if (!block) continue;
    const endLine = block.close ? block.close.start.line - 1 : block.range.end.line;
    if (endLine > item.range.start.line) out.push({ startLine: item.range.start.line, endLine });
    blockRanges(block.items, out);
  }
}

export function foldingRanges(index: WorkspaceIndex, params: FoldingRangeParams): FoldingRange[] {
  const syntax = index.workspace.syntax(uriToPath(params.textDocument.uri));
  if (!syntax) return [];
  const out: FoldingRange[] = [];
  blockRanges(syntax.items, out);
  // Whole-line comments only: a comment after code does not start a foldable run.
  const lines = editorLines(syntax.text);
  const commentLines = syntax.comments.map((c) => c.range.start.line).filter((l) => /^\s*[#!]/.test(lines[l]));
  let start = -1;
  for (let i = 0; i < commentLines.length; i++) {
    if (start < 0) start = commentLines[i];
    const next = commentLines[i + 1];
    if (next !== commentLines[i] + 1) {
      if (commentLines[i] > start) out.push({ startLine: start, endLine: commentLines[i], kind: FoldingRangeKind.Comment });
      start = -1;
    }
  }
  return out;
}
