// Document and range formatting through the core formatter, indenting with the editor's settings.
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, TextEdit } from "vscode-languageserver/node";
import { formatEdits, FormatOptions } from "../core/format/format";
import type { WorkspaceIndex } from "./workspaceIndex";
import { uriToPath } from "./uris";

function indentOf(options: FormattingOptions): FormatOptions {
  return { indent: options.insertSpaces === false ? "\t" : " ".repeat(options.tabSize || 4) };
}

function edits(index: WorkspaceIndex, uri: string, options: FormattingOptions, fromLine?: number, toLine?: number): TextEdit[] {
  const text = index.text(uriToPath(uri));
  // A template's tags are not keepalived blocks: re-indenting by them would scramble it.
  if (text === undefined || index.workspace.template(uriToPath(uri))) return [];
  const lines = text.split("\n");
  // One edit per line, replacing its content but never its line break (LF or CRLF alike).
  return formatEdits(text, indentOf(options), fromLine, toLine).flatMap((e) =>
    e.lines.map((line, k) => {
      const n = e.startLine + k;
      const old = lines[n].replace(/\r$/, "");
      return { range: { start: { line: n, character: 0 }, end: { line: n, character: old.length } }, newText: line.replace(/\r$/, "") };
    }),
  );
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
