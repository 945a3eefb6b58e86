// Structure keepalived cannot read: braces that do not pair up, unterminated quotes, stray `{`.
import type { FileRule } from "../check/rule";
import type { Diagnostic } from "../check/diagnostic";
import type { Item } from "../syntax/tree";
import { isValidSequence } from "../config/sequences";

/**
 * What each top-level item gave, per file: an edit re-parses the items it touches and keeps the others
 * (the same objects, their built ranges moved in place, which the diagnostics hold), so a keystroke
 * walks the new items only instead of the whole file.
 */
const foundIn = new WeakMap<Item, { file: string; found: Diagnostic[] }>();
const NONE: Diagnostic[] = Object.freeze([]) as unknown as Diagnostic[];

function problemsOf(file: string, item: Item): Diagnostic[] {
  let found: Diagnostic[] | undefined;
  const report = (d: Diagnostic) => (found ??= []).push(d);
  const visit = (items: Item[]) => {
    // Indexed: a file of 200,000 lines is walked once, before the optimizer would remove a for-of's per-step result.
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind === "bareBlock") {
        report({ file, range: item.block.open, severity: "error", code: "syntax", message: "Unexpected '{': it belongs to no keyword" });
        visit(item.block.items);
      } else if (item.kind === "statement") {
        if (item.sequences) for (const seq of item.sequences) {
          if (!isValidSequence(seq)) report({ file, range: seq.range, severity: "error", code: "syntax", message: `Invalid sequence specification '${seq.raw}'` });
        }
        if (item.block) visit(item.block.items);
      }
    }
  };
  visit([item]);
  return found ?? NONE;
}

export const syntaxRule: FileRule = {
  code: "syntax",
  checkFile(file, syntax, report) {
    for (const p of syntax.problems) report({ file, range: p.range, severity: p.severity ?? "error", code: "syntax", message: p.message });
    const items = syntax.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      // A one-line statement without sequences has nothing to report: answered faster than a cache entry is made.
      if (item.kind === "statement" && !item.block && !item.sequences) continue;
      let entry = foundIn.get(item);
      if (!entry || entry.file !== file) foundIn.set(item, (entry = { file, found: problemsOf(file, item) }));
      const found = entry.found;
      for (let k = 0; k < found.length; k++) report(found[k]);
    }
  },
};
