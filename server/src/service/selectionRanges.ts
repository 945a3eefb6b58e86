// Expand selection: word → statement → block body → whole block → ... → enclosing blocks.
import { SelectionRange, SelectionRangeParams } from "vscode-languageserver/node";
import { rangesAround } from "../core/syntax/locate";
import type { WorkspaceIndex } from "./workspaceIndex";
import { uriToPath } from "./uris";

export function selectionRanges(index: WorkspaceIndex, params: SelectionRangeParams): SelectionRange[] {
  const syntax = index.workspace.syntax(uriToPath(params.textDocument.uri));
  return params.positions.map((pos) => {
    const chain = syntax ? rangesAround(syntax, pos) : [];
    let parent: SelectionRange | undefined;
    for (const range of [...chain].reverse()) parent = { range, parent };
    return parent ?? { range: { start: pos, end: pos } };
  });
}
