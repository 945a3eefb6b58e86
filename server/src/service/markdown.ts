// Markdown for text we do not control (script files, config words): shown literally, never rendered.
// A code fence is closed only by a run of at least as many backticks, so one longer than any run
// inside the text cannot be closed by it; inline code works the same way.

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** A fenced code block that shows `text` verbatim, whatever lines it holds. */
export function codeBlock(text: string, language = ""): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text.replace(/\r/g, "")}\n${fence}`;
}

/** Inline code for one line of text (line breaks become spaces). */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const ticks = "`".repeat(longestBacktickRun(flat) + 1);
  // A space on each side keeps a backtick at either end from joining the delimiter.
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
