// Offsets to LSP ranges in a text.
import type { Position, Range } from "../util/range";

export function offsetPosition(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") (line++, (lineStart = i + 1));
  return { line, character: offset - lineStart };
}

export function offsetRange(text: string, start: number, end: number): Range {
  return { start: offsetPosition(text, start), end: offsetPosition(text, end) };
}
