// Expand selection: word → statement → block body → whole block → ... → enclosing blocks.
import { Position, SelectionRange, SelectionRangeParams } from "vscode-languageserver/node";
import { rangesAround } from "../core/syntax/locate";
import { editorLines } from "../core/util/lineStarts";
import type { WorkspaceIndex } from "./workspaceIndex";
import { uriToPath } from "./uris";

export function selectionRanges(index: WorkspaceIndex, params: SelectionRangeParams): SelectionRange[] {
  const file = uriToPath(params.textDocument.uri);
  const syntax = index.workspace.syntax(file);
  const text = index.text(file);
  const lines = text === undefined ? undefined : editorLines(text);
  return params.positions.map((asked) => {
    // A position past a line's end or the text's end (a client with a stale view) answers for the nearest
    // place in the text: a range that lies outside the document is invalid for the client.
    const pos = lines ? inside(lines, asked) : asked;
    const chain = syntax ? rangesAround(syntax, pos) : [];
    let parent: SelectionRange | undefined;
    for (const range of [...chain].reverse()) parent = { range, parent };
    return parent ?? { range: { start: pos, end: pos } };
  });
}

/** The position moved into the text: a line past the end means the text's end, a character past its line's end that end. */
function inside(lines: string[], pos: Position): Position {
  const last = lines.length - 1;
  const line = Math.min(Math.max(pos.line, 0), last);
  const length = lines[line].length;
  const character = pos.line > last ? length : Math.min(Math.max(pos.character, 0), length);
  return line === pos.line && character === pos.character ? pos : { line, character };
}
