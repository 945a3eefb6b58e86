// Document and range formatting through the core formatter, indenting with the editor's settings.
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, TextEdit } from "vscode-languageserver/node";
import { formatEdits, FormatOptions, LineEdit } from "../core/format/format";
import type { WorkspaceIndex } from "./workspaceIndex";
import { uriToPath } from "./uris";

function indentOf(options: FormattingOptions): FormatOptions {
  return { indent: options.insertSpaces === false ? "\t" : " ".repeat(options.tabSize || 4) };
}

/**
 * Past this many changed lines the answer is one edit spanning them all: 350,000 one-line edits (1 MB
 * of deeply nested blocks) took the server seconds to build and send, and the editor to apply; one
 * string does not (VS Code reduces a formatting edit to the characters that changed itself).
 */
export const MAX_LINE_EDITS = 1000;

const withoutCr = (line: string) => (line.endsWith("\r") ? line.slice(0, -1) : line);

function edits(index: WorkspaceIndex, uri: string, options: FormattingOptions, fromLine?: number, toLine?: number): TextEdit[] {
  const text = index.text(uriToPath(uri));
  // A template's tags are not keepalived blocks: re-indenting by them would scramble it.
  if (text === undefined || index.workspace.template(uriToPath(uri))) return [];
  const lines = text.split("\n");
  const changed = formatEdits(text, indentOf(options), fromLine, toLine);
  let count = 0;
  for (const e of changed) count += e.lines.length;
  if (count > MAX_LINE_EDITS) return [spanning(changed, lines)];
  // One edit per line, replacing its content but never its line break (LF or CRLF alike).
  const out: TextEdit[] = [];
  for (const e of changed) {
    for (let k = 0; k < e.lines.length; k++) {
      const n = e.startLine + k;
      out.push({ range: { start: { line: n, character: 0 }, end: { line: n, character: withoutCr(lines[n]).length } }, newText: withoutCr(e.lines[k]) });
    }
  }
  return out;
}

/** One edit from the first changed line to the last, unchanged lines between them written as they are. */
function spanning(changed: LineEdit[], lines: string[]): TextEdit {
  const first = changed[0].startLine;
  const last = changed[changed.length - 1].endLine - 1;
  const parts: string[] = [];
  let n = first;
  for (const e of changed) {
    for (; n < e.startLine; n++) parts.push(lines[n]);
    for (const line of e.lines) (parts.push(line), n++);
  }
  // The last line's break (and its "\r") stays outside the range, as with one edit per line.
  parts[parts.length - 1] = withoutCr(parts[parts.length - 1]);
  return { range: { start: { line: first, character: 0 }, end: { line: last, character: withoutCr(lines[last]).length } }, newText: parts.join("\n") };
}

export function formatDocument(index: WorkspaceIndex, params: DocumentFormattingParams): TextEdit[] {
  return edits(index, params.textDocument.uri, params.options);
}

export function formatRange(index: WorkspaceIndex, params: DocumentRangeFormattingParams): TextEdit[] {
  const { start, end } = params.range;
  // A range ending at column 0 does not include that line.
  const toLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return edits(index, params.textDocument.uri, params.options, start.line, toLine);
}
