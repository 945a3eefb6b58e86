// What a FileRule's checkItem found in each top-level item, kept while the item object lives: an edit
// re-parses the items it touches and keeps the others (the same objects, their built ranges moved in
// place by syntax/incremental.ts, and the diagnostics hold those ranges), so a keystroke checks the
// new items only instead of the whole file.
import type { Diagnostic } from "./diagnostic";
import type { FileRule } from "./rule";
import type { Item, SyntaxFile } from "../syntax/tree";

const NONE = Object.freeze([]) as unknown as Diagnostic[];

/** Per rule, per item: the file it was checked as (the same text can be read as two files) and what it gave. */
const kept = new WeakMap<FileRule, WeakMap<Item, { file: string; found: Diagnostic[] }>>();

export function checkItems(rule: FileRule, file: string, syntax: SyntaxFile, report: (d: Diagnostic) => void): void {
  const checkItem = rule.checkItem;
  if (!checkItem) return;
  let byItem = kept.get(rule);
  if (!byItem) kept.set(rule, (byItem = new WeakMap()));
  const items = syntax.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // A one-line statement is checked faster than a cache entry is made (a file of 200,000 of them).
    if (item.kind === "statement" && !item.block) {
      checkItem(file, item, report);
      continue;
    }
    let entry = byItem.get(item);
    if (!entry || entry.file !== file) {
      let found: Diagnostic[] | undefined;
      checkItem(file, item, (d) => (found ??= []).push(d));
      byItem.set(item, (entry = { file, found: found ?? NONE }));
    }
    const found = entry.found;
    for (let k = 0; k < found.length; k++) report(found[k]);
  }
}
