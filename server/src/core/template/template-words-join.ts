// template-words-join: a tag renders as nothing, so where the rendered text runs two words
// together that the author meant apart, keepalived reads one word. The static view keeps every
// removed character as a blank, which hides such a join from every other check. Only joins that are
// plainly unintended are reported, because templates glue text on purpose (`lb{% if x %}-a{% endif %}`):
// - a `-` marker strips the only blank the author wrote between two words (`priority {{- prio }}`);
// - two separate optional pieces written back to back, a value then a word
//   (`{% if f %}{{ f }}{% endif %}{% if o %}overwrite{% endif %}` renders `/a/fileoverwrite`);
// - a loop whose body starts and ends with a word or value, so its passes run together.
import type { Diagnostic } from "../check/diagnostic";
import type { TemplateFile } from "./template";
import type { Choice } from "./variants";
import type { Branch } from "./structure";
import { PLACEHOLDER_CHAR } from "./placeholder";
import { lineEndAfter, offsetRange } from "./offsets";

/** Dialects whose `-` marks strip the whitespace next to a tag, newlines included. */
const TRIMS_WITH_DASH = new Set(["jinja", "go"]);

const isBlank = (c: string | undefined): boolean => c === undefined || c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";

/** For one variant, which characters render as nothing: 1 for tags and branches not taken, 2 for
 *  blanks a `-` marker strips. */
function removedMask(t: TemplateFile, choice: Choice): Uint8Array {
  const removed = new Uint8Array(t.text.length);
  const mark = (start: number, end: number) => removed.fill(1, start, end);
  for (const tag of t.tags) {
    if (tag.kind !== "expression") mark(tag.start, tag.end);
    if (!TRIMS_WITH_DASH.has(t.dialect)) continue;
    const raw = t.text.slice(tag.start, tag.end);
    if (/^\{[{%#]-/.test(raw)) for (let i = tag.start - 1; i >= 0 && isBlank(t.text[i]); i--) removed[i] ||= 2;
    if (/-[}%#]\}$/.test(raw)) for (let i = tag.end; i < t.text.length && isBlank(t.text[i]); i++) removed[i] ||= 2;
  }
  t.structure.regions.forEach((region, i) => {
    region.branches.forEach((b, k) => {
      if (k !== choice[i]) mark(b.start, b.end);
    });
  });
  return removed;
}

/** Real loops only: `raw` blocks are regions too. */
const LOOP_TAG = /^(?:for|range)\b|\.each\b/;

const isWordChar = (c: string | undefined): boolean => c !== undefined && (c === PLACEHOLDER_CHAR || /[\p{L}\p{N}_]/u.test(c));

/** The innermost branch holding `offset`, or undefined outside every region. */
function branchAt(t: TemplateFile, offset: number): Branch | undefined {
  let best: Branch | undefined;
  for (const r of t.structure.regions) {
    for (const b of r.branches) if (offset >= b.start && offset < b.end && (!best || b.end - b.start < best.end - best.start)) best = b;
  }
  return best;
}

/** Whether one branch lies inside the other (or they are the same). */
const nested = (x: Branch, y: Branch): boolean => (x.start <= y.start && y.end <= x.end) || (y.start <= x.start && x.end <= y.end);

function unintended(t: TemplateFile, removed: Uint8Array, charAt: (i: number) => string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (removed[i] === 2) return true;
  if (charAt(start - 1) !== PLACEHOLDER_CHAR || !isWordChar(charAt(end))) return false;
  const left = branchAt(t, start - 1);
  const right = branchAt(t, end);
  return left !== undefined && right !== undefined && !nested(left, right);
}

/** The word that ends just before `at` (or starts at it, going forward), over kept characters. */
function wordAround(t: TemplateFile, removed: Uint8Array, charAt: (i: number) => string, at: number, step: 1 | -1): string {
  let word = "";
  for (let i = at; i >= 0 && i < t.text.length && word.length < 40; i += step) {
    if (removed[i]) continue;
    const c = charAt(i);
    if (isBlank(c)) break;
    word = step === 1 ? word + c : c + word;
  }
  return word;
}

function shown(word: string): string {
  return word.includes(PLACEHOLDER_CHAR) ? "(template value)" : `'${word}'`;
}

export function templateWordsJoinDiagnostics(t: TemplateFile, choices: Choice[]): Diagnostic[] {
  const found = new Map<string, Diagnostic>();
  // Expressions render as some value: their characters read as a placeholder word.
  const expression = new Uint8Array(t.text.length);
  for (const tag of t.tags) if (tag.kind === "expression") expression.fill(1, tag.start, tag.end);
  const charAt = (i: number) => (expression[i] ? PLACEHOLDER_CHAR : t.text[i]);
  for (const choice of choices) {
    const removed = removedMask(t, choice);
    for (let i = 0; i < t.text.length; i++) {
      if (!removed[i]) continue;
      let end = i;
      while (end < t.text.length && removed[end]) end++;
      const before = charAt(i - 1);
      const after = charAt(end);
      if (i > 0 && end < t.text.length && !isBlank(before) && !isBlank(after) && unintended(t, removed, charAt, i, end)) {
        const key = `${i}:${end}`;
        if (!found.has(key)) {
          const left = wordAround(t, removed, charAt, i - 1, -1);
          const right = wordAround(t, removed, charAt, end, 1);
          found.set(key, {
            file: t.file,
            range: offsetRange(t.text, i, Math.min(end, lineEndAfter(t.text, i))),
            severity: "warning",
            code: "template-words-join",
            message: `When rendered, nothing separates ${shown(left)} from ${shown(right)} here: keepalived reads them as one word. Put a blank between them.`,
          });
        }
      }
      i = end;
    }
    // A loop's body follows itself: its last word and its first join when nothing separates them.
    t.structure.regions.forEach((region, r) => {
      const body = region.kind === "loop" && LOOP_TAG.test(region.tags[0].code) && choice[r] >= 0 ? region.branches[choice[r]] : undefined;
      if (!body) return;
      let first = body.start;
      while (first < body.end && removed[first]) first++;
      let last = body.end - 1;
      while (last >= first && removed[last]) last--;
      if (first > last || !isWordChar(charAt(first)) || !isWordChar(charAt(last))) return;
      const closing = region.tags[region.tags.length - 1];
      const key = `loop:${closing.start}`;
      if (found.has(key)) return;
      found.set(key, {
        file: t.file,
        range: offsetRange(t.text, closing.start, Math.min(closing.end, lineEndAfter(t.text, closing.start))),
        severity: "warning",
        code: "template-words-join",
        message: `When this loop renders more than once, nothing separates ${shown(wordAround(t, removed, charAt, last, -1))} from the next pass's ${shown(wordAround(t, removed, charAt, first, 1))}: keepalived reads them as one word. End the loop's body with a blank or a line break.`,
      });
    });
  }
  return [...found.values()];
}
