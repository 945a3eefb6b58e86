// Text edits for cluster fixes: replace one value word, or add lines to a block, keeping the file's
// indentation and touching nothing else (no comment, no other token).
import type { ConfigStatement, ConfigWord } from "../config/expand";
import type { TextEdit } from "../check/diagnostic";
import type { Field, VrrpInstance } from "../model/vrrp";

/** Replaces one word; undefined when the word came from a `$NAME` (editing the reference would be wrong). */
export function replaceWord(word: ConfigWord, value: string): TextEdit | undefined {
  if (word.substituted) return undefined;
  return { file: word.file, range: word.range, newText: word.quoted || /\s/.test(value) ? `"${value}"` : value };
}

function lineOf(texts: Map<string, string>, file: string, line: number): string {
  return texts.get(file)?.split("\n")[line] ?? "";
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

/** Adds lines at the end of a block, before its closing brace. */
export function insertIntoBlock(owner: ConfigStatement, lines: string[], texts: Map<string, string>): TextEdit | undefined {
  const close = owner.block?.close;
  if (!close || owner.keyword.substituted || !lines.length) return undefined;
  const closeLine = lineOf(texts, owner.file, close.start.line);
  const beforeBrace = closeLine.slice(0, close.start.character);
  const first = owner.children?.find((c) => c.file === owner.file && !c.keyword.substituted);
  const unit = indentOf(closeLine).includes("\t") ? "\t" : "    ";
  const indent = first ? indentOf(lineOf(texts, owner.file, first.range.start.line)) : indentOf(closeLine) + unit;
  const body = lines.map((l) => `${indent}${l}\n`).join("");
  if (/^[ \t]*$/.test(beforeBrace)) return { file: owner.file, range: { start: { line: close.start.line, character: 0 }, end: { line: close.start.line, character: 0 } }, newText: body };
  // `{ a }` on one line: break it so each entry stands on its own line, as keepalived reads them.
  return { file: owner.file, range: { start: close.start, end: close.start }, newText: `\n${body}${indentOf(closeLine)}` };
}

/** Sets a single-value keyword of an instance: edits the written value, or adds the line. */
export function setInstanceValue(instance: VrrpInstance, keyword: string, current: Field<unknown> | undefined, value: string): TextEdit | undefined {
  if (current?.word && current.source === "instance") return replaceWord(current.word, value);
  return insertIntoBlock(instance.statement, [`${keyword} ${value}`], instance.node.texts);
}
