// Document and range formatting through the core formatter, indenting with the editor's settings.
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, TextEdit } from "vscode-languageserver/node";
import { formatEdits, FormatOptions, LineEdit } from "../core/format/format";
import type { WorkspaceIndex } from "./workspaceIndex";
import type { Position } from "../core/util/range";
import { LineTable } from "../core/syntax/lineTable";
import { hasLoneCr, lineAtOffset } from "../core/util/lineStarts";
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

/**
 * Where the formatter's lines are for the editor. The formatter reads lines as keepalived does ("\n"
 * ends one); an editor also ends a line at a lone "\r", so in a text that has one, the formatter's line n
 * is not the editor's line n and every edit is placed by offset instead (a formatting edit on the wrong
 * line rewrites the wrong text).
 */
class FormatterLines {
  /** Set only for a text with a lone "\r": offset → editor position. */
  private readonly table: LineTable | undefined;
  private readonly starts: number[] = [];

  constructor(
    text: string,
    private readonly lines: string[],
  ) {
    if (!hasLoneCr(text)) return;
    this.table = new LineTable(text);
    for (let n = 0, offset = 0; n < lines.length; offset += lines[n].length + 1, n++) this.starts.push(offset);
  }

  /** Where line n starts. */
  start(n: number): Position {
    return this.table ? this.table.position(this.starts[n]) : { line: n, character: 0 };
  }

  /** Where line n's content ends, before its line break (LF or CRLF). */
  end(n: number): Position {
    const length = withoutCr(this.lines[n]).length;
    return this.table ? this.table.position(this.starts[n] + length) : { line: n, character: length };
  }

  /** The formatter's line that holds the editor's line `editorLine`. */
  holding(editorLine: number): number {
    if (!this.table) return editorLine;
    const starts = this.table.starts;
    const offset = starts[Math.max(0, Math.min(editorLine, starts.length - 1))];
    return lineAtOffset(this.starts, offset);
  }
}

function edits(index: WorkspaceIndex, uri: string, options: FormattingOptions, fromEditorLine?: number, toEditorLine?: number): TextEdit[] {
  const text = index.text(uriToPath(uri));
  // A template's tags are not keepalived blocks: re-indenting by them would scramble it.
  if (text === undefined || index.workspace.template(uriToPath(uri))) return [];
  const lines = text.split("\n");
  const at = new FormatterLines(text, lines);
  const fromLine = fromEditorLine === undefined ? undefined : at.holding(fromEditorLine);
  const toLine = toEditorLine === undefined ? undefined : at.holding(toEditorLine);
  const changed = formatEdits(text, indentOf(options), fromLine, toLine);
  let count = 0;
  for (const e of changed) count += e.lines.length;
  if (count > MAX_LINE_EDITS) return [spanning(changed, lines, at)];
  // One edit per line, replacing its content but never its line break (LF or CRLF alike).
  const out: TextEdit[] = [];
  for (const e of changed) {
    for (let k = 0; k < e.lines.length; k++) {
      const n = e.startLine + k;
      out.push({ range: { start: at.start(n), end: at.end(n) }, newText: withoutCr(e.lines[k]) });
    }
  }
  return out;
}

/** One edit from the first changed line to the last, unchanged lines between them written as they are. */
function spanning(changed: LineEdit[], lines: string[], at: FormatterLines): TextEdit {
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
  return { range: { start: at.start(first), end: at.end(last) }, newText: parts.join("\n") };
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
