// The static text of a template as keepalived would read it, same length as the file: control tags
// and comments become blanks, expressions become placeholder words (or their literal default), and
// branches a variant does not take become blanks.
import type { TemplateFile } from "./template";
import type { Choice } from "./variants";
import { blankOut, placeholderOver } from "./placeholder";
import { literalDefault } from "./literalDefault";

export interface StaticView {
  text: string;
  /** Tags whose literal default was written in their place: [start, end) of the tag. */
  defaults: { start: number; end: number }[];
}

/** `choice` omitted: every branch kept (for highlighting-like features: hover, completion, symbols). */
export function staticView(t: TemplateFile, choice?: Choice): StaticView {
  const chars = t.text.split("");
  const defaults: StaticView["defaults"] = [];
  for (const tag of t.tags) {
    if (tag.kind !== "expression") {
      blankOut(chars, tag.start, tag.end);
      continue;
    }
    const literal = literalDefault(t.dialect, tag);
    const after = t.text[tag.end];
    if (literal !== undefined && literal.length <= tag.end - tag.start && (after === undefined || /\s/.test(after)) && !t.text.slice(tag.start, tag.end).includes("\n")) {
      blankOut(chars, tag.start, tag.end);
      for (let i = 0; i < literal.length; i++) chars[tag.start + i] = literal[i];
      defaults.push({ start: tag.start, end: tag.end });
    } else placeholderOver(chars, tag.start, tag.end);
  }
  if (choice) {
    t.structure.regions.forEach((region, i) => {
      region.branches.forEach((b, k) => {
        if (k !== choice[i]) blankOut(chars, b.start, b.end);
      });
    });
  }
  return { text: chars.join(""), defaults };
}
