// Offsets to LSP ranges in a text. Lines end where editors end them: at "\r\n", "\n" or a lone "\r"
// (counting "\n" only put a template problem after a lone CR outside the document; found by
// npm run fuzz). A table of line starts, kept for the last text, makes each lookup a binary search,
// so a template with thousands of problems is not quadratic.
import type { Position, Range } from "../util/range";
import { lineAtOffset } from "../util/lineStarts";

let lastText: string | undefined;
let lastStarts: number[] = [0];

/** Where each line of `text` starts, as editors count lines. */
export function lineStarts(text: string): number[] {
  if (text === lastText) return lastStarts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(i + 1);
    else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  lastText = text;
  lastStarts = starts;
  return starts;
}

export function offsetPosition(text: string, offset: number): Position {
  const starts = lineStarts(text);
  const at = Math.max(0, Math.min(offset, text.length));
  const lo = lineAtOffset(starts, at);
  // A "\r" of "\r\n" stays on its line, as editors count it.
  return { line: lo, character: at - starts[lo] };
}

export function offsetRange(text: string, start: number, end: number): Range {
  return { start: offsetPosition(text, start), end: offsetPosition(text, end) };
}

/** Where the line holding `offset` ends (before its "\r\n", "\n" or lone "\r"). */
export function lineEndAfter(text: string, offset: number): number {
  const m = /[\r\n]/g;
  m.lastIndex = offset;
  return m.exec(text)?.index ?? text.length;
}
