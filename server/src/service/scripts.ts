// Script paths under the cursor: where the program is, and its first lines for hover.
import type { Word } from "../core/syntax/tree";
import type { Range } from "../core/util/range";
import { orOnThisMachine, readHead } from "../core/config/files";
import { scriptResolver, ScriptLocation, ScriptResolver } from "../core/config/scripts";
import type { WorkspaceIndex } from "./workspaceIndex";
import { codeBlock, inlineCode } from "./markdown";

const PREVIEW_LINES = 8;
const PREVIEW_BYTES = 4096;

/** The program named by a script argument, with the range of the program's name in the file; `resolve`: a
 *  caller's scriptResolver, for one that asks of many words. */
export function scriptAt(index: WorkspaceIndex, word: Word, file?: string, resolve?: ScriptResolver): (ScriptLocation & { range: Range }) | undefined {
  const ws = index.workspace;
  const where = (resolve ?? scriptResolver(ws.options.includeRoots ?? [], orOnThisMachine(ws.access)))(word.text, file);
  if (!where) return undefined;
  const start = word.range.start.character + (word.quoted ? 1 : 0) + (word.text.length - word.text.trimStart().length);
  const range = { start: { line: word.range.start.line, character: start }, end: { line: word.range.start.line, character: start + where.program.length } };
  return { ...where, range };
}

/** Markdown showing the first lines of the script, or why it cannot be shown. */
export function scriptPreview(index: WorkspaceIndex, word: Word, file?: string): string | undefined {
  const script = scriptAt(index, word, file);
  if (!script) return undefined;
  if (!script.found) return `${inlineCode(script.program)} exists neither on this machine nor in the workspace.`;
  // Only the head of a regular file is read: a FIFO or /dev/zero named as a script must not block the hover.
  const text = (index.isOpen(script.found) ? index.text(script.found) : undefined) ?? readHead(script.found, PREVIEW_BYTES);
  if (text === undefined || text.includes("\u0000")) return `${inlineCode(script.found)} (not a text file)`;
  const lines = text.split("\n").slice(0, PREVIEW_LINES);
  const where = script.byName ? ` — found by name in the workspace (deployed as ${inlineCode(script.program)})` : "";
  // The script's own text is shown, never rendered: it may hold fences, links or remote images.
  return `${inlineCode(script.found)}${where}\n\n${codeBlock(lines.join("\n") + (text.split("\n").length > PREVIEW_LINES ? "\n..." : ""), "sh")}`;
}
