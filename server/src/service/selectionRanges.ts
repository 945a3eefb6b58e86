// Expand selection: word → statement → block body → whole block → ... → enclosing blocks.
import { Position, SelectionRange, SelectionRangeParams } from "vscode-languageserver/node";
import { rangesAround } from "../core/syntax/locate";
import { editorLineStarts } from "../core/util/lineStarts";
import type { WorkspaceIndex } from "./workspaceIndex";
import { uriToPath } from "./uris";

export function selectionRanges(index: WorkspaceIndex, params: SelectionRangeParams): SelectionRange[] {
  const file = uriToPath(params.textDocument.uri);
  const syntax = index.workspace.syntax(file);
  const text = index.text(file);
  const starts = text === undefined ? undefined : editorLineStarts(text);
  return params.positions.map((asked) => {
    // A position past a line's end or the text's end (a client with a stale view) answers for the nearest
    // place in the text: a range that lies outside the document is invalid for the client.
    const pos = starts && text !== undefined ? inside(text, starts, asked) : asked;
    const chain = syntax ? rangesAround(syntax, pos) : [];
    let parent: SelectionRange | undefined;
    for (const range of [...chain].reverse()) parent = { range, parent };
    return parent ?? { range: { start: pos, end: pos } };
  });
}

/** The position moved into the text: a line past the end means the text's end, a character past its line's end that end. */
function inside(text: string, starts: number[], pos: Position): Position {
  const last = starts.length - 1;
  const line = Math.min(Math.max(pos.line, 0), last);
  const length = lineLength(text, starts, line);
  const character = pos.line > last ? length : Math.min(Math.max(pos.character, 0), length);
  return line === pos.line && character === pos.character ? pos : { line, character };
}

/** A line's characters, without its break ("\r\n", "\n" or a lone "\r"). */
function lineLength(text: string, starts: number[], line: number): number {
  if (line === starts.length - 1) return text.length - starts[line];
  let breakAt = starts[line + 1] - 1;
  if (text.charCodeAt(breakAt) === 10 && breakAt > starts[line] && text.charCodeAt(breakAt - 1) === 13) breakAt--;
  return breakAt - starts[line];
}
