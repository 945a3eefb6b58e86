// Line numbers from offsets, given the sorted offsets at which lines start (each caller decides where
// its lines end: editors also end one at a lone "\r", the re-parser counts "\n" only).

/** The line holding `offset`: the last line whose start is at or before it (a binary search). */
export function lineAtOffset(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether the text has a "\r" that is not part of a CRLF: a line end for editors, not for keepalived. */
export function hasLoneCr(text: string): boolean {
  // Most texts have no "\r" at all: indexOf tells that faster than the regex scan.
  return text.indexOf("\r") >= 0 && /\r(?!\n)/.test(text);
}

/** An editor's line break: "\r\n", or a lone "\r" or "\n" (LSP positions count lines this way). */
const EDITOR_LINE_BREAK = /\r\n|\r|\n/;

/**
 * The text's lines as an editor numbers them. keepalived itself ends a line at "\n" only, so a text
 * with a lone "\r" has fewer keepalived lines than editor lines: a line number from a range (which
 * counts as the editor does, see LineTable) indexes this list, not `text.split("\n")`.
 */
export function editorLines(text: string): string[] {
  return text.indexOf("\r") < 0 ? text.split("\n") : text.split(EDITOR_LINE_BREAK);
}

/** Where each line starts, as an editor numbers lines (see editorLines). */
export function editorLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
