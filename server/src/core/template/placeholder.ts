// What stands in for a template expression when the static text is read as keepalived: a word of
// private-use characters, which no rule can mistake for a keepalived value, with the same length as
// the tag so every offset, line and column of the static text stays where it is.
export const PLACEHOLDER_CHAR = "\uE000";

export function containsPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER_CHAR);
}

/** Replaces text[start, end) with `fill` (blanks by default), keeping line breaks where they are. */
export function blankOut(chars: string[], start: number, end: number, fill = " "): void {
  for (let i = start; i < end; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = fill;
}

/** One placeholder word on the tag's first line; the tag's further lines become blanks. */
export function placeholderOver(chars: string[], start: number, end: number): void {
  let i = start;
  for (; i < end && chars[i] !== "\n" && chars[i] !== "\r"; i++) chars[i] = PLACEHOLDER_CHAR;
  blankOut(chars, i, end);
}
