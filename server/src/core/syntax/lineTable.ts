// Offsets → line/character for one file's text. The syntax tree keeps offsets and this table, and
// builds a word's or a block's range only when it is asked for (see treeNodes.ts).
import type { IToken } from "chevrotain";
import type { Range, Position } from "../util/range";
import { hasLoneCr } from "../util/lineStarts";

/** Offsets → line/character, for offsets asked in increasing order (a forward cursor) or any order. */
export class LineTable {
  /** Where each line starts: a typed array, half the size of an array of numbers (and without its room to grow). */
  readonly starts: Int32Array;
  /** The file the text was first expanded as (see SyntaxWord.file). */
  file: string | undefined = undefined;
  private cursor = 0;
  /** The text has a lone "\r": a token's end is found by offset, as tokenEnd counts "\n" only. */
  private readonly loneCr: boolean;

  /**
   * `newlineStarts`: where each line of `text` starts when only "\n" ends a line, if the caller already
   * knows (the re-parser derives them per edit from the last text's): taken as they are when the text
   * has no "\r", instead of looking for every newline again (a 5,000-line file on every keystroke).
   */
  constructor(text: string, newlineStarts?: ArrayLike<number>) {
    // Editors also end a line at a lone "\r": positions count lines as they do.
    const hasCr = text.indexOf("\r") >= 0;
    this.loneCr = hasCr && hasLoneCr(text);
    if (newlineStarts && !hasCr) {
      this.starts = new Int32Array(newlineStarts);
      return;
    }
    // Filled with room to spare (lines of ~16 characters), grown by doubling, then cut to size.
    let starts = new Int32Array((text.length >> 4) + 16);
    let n = 1;
    const add = (start: number) => {
      if (n === starts.length) {
        const larger = new Int32Array(starts.length * 2);
        larger.set(starts);
        starts = larger;
      }
      starts[n++] = start;
    };
    if (this.loneCr) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) add(i + 1);
      }
    } else for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) add(i + 1);
    this.starts = starts.slice(0, n);
  }

  /** The line an offset is on. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let line = this.cursor;
    if (starts[line] > offset) line = 0;
    if (line + 1 < starts.length && starts[line + 1] <= offset) {
      // Far ahead: binary search; near: step.
      if (line + 8 < starts.length && starts[line + 8] <= offset) {
        let lo = line + 8;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        line = lo;
      } else while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    }
    this.cursor = line;
    return line;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  /** The range of a token as Chevrotain's full position tracking reports it (see tokenEnd); its offset counts from `base`. */
  tokenRange(t: IToken, base = 0): Range {
    return this.imageRange(base + t.startOffset, t.image);
  }

  /** The range of the text `image` written at `offset` (a token's). */
  imageRange(offset: number, image: string): Range {
    const start = this.position(offset);
    return { start, end: this.imageEnd(offset, image, start) };
  }

  /** Where the text `image` written at `offset` ends; `start` is its start position. */
  imageEnd(offset: number, image: string, start: Position): Position {
    if (!this.loneCr) return tokenEnd(image, start);
    return this.position(offset + contentLength(image));
  }

  /** The range of a one-character token (a brace) at `offset`. */
  charRange(offset: number): Range {
    const start = this.position(offset);
    return { start, end: { line: start.line, character: start.character + 1 } };
  }
}

/**
 * The length of a token's text without a final line break: a definition continued by `\` before an
 * empty line (or the end of the text) ends with one, and a CRLF's "\r" belongs to the break too. The
 * editor's line ends before the break, and so does the range.
 */
function contentLength(image: string): number {
  let end = image.length;
  if (end > 1 && image.charCodeAt(end - 1) === 10) end--;
  if (end > 1 && image.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** Where a token ends: after its last character that is not a final line break (see contentLength). */
function tokenEnd(image: string, start: Position): Position {
  const end = contentLength(image);
  const last = image.lastIndexOf("\n", end - 1);
  if (last < 0) return { line: start.line, character: start.character + end };
  let breaks = 0;
  for (let i = image.indexOf("\n"); i >= 0 && i < end; i = image.indexOf("\n", i + 1)) breaks++;
  return { line: start.line + breaks, character: end - last - 1 };
}
