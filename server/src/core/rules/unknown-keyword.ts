// A keyword keepalived does not know in this block: it logs "Unknown keyword" and skips it.
import type { NodeRule } from "../check/rule";
import type { Fix } from "../check/diagnostic";
import { keywordsIn, specsNamed } from "../schema/registry";
import { closest } from "../util/names";
import { TOP } from "../schema/types";

function blockLabel(blockId: string): string {
  // Qualified ids such as "SSL_GET/url" are internal: show the block keyword as written.
  return blockId === TOP ? "at the top level" : `inside ${blockId.split("/").pop()}`;
}

/** Suggestions per block and word: a file may repeat one unknown word 100,000 times. */
const suggestionCache = new Map<string, string[]>();

function suggestionsFor(blockId: string, word: string): string[] {
  const key = `${blockId}\u0000${word}`;
  let found = suggestionCache.get(key);
  if (!found) {
    if (suggestionCache.size > 10000) suggestionCache.clear();
    found = closest(word, keywordsIn(blockId).map((s) => s.name));
    suggestionCache.set(key, found);
  }
  return found;
}

export const unknownKeywordRule: NodeRule = {
  code: "unknown-keyword",
  checkNode({ annotated, report }) {
    for (const a of annotated) {
      if (a.context.kind !== "keywords" || a.spec) continue;
      const kw = a.statement.keyword;
      if (kw.text.includes("$")) continue; // an undefined $NAME: reported where it is used
      const elsewhere = specsNamed(kw.text).flatMap((s) => s.blocks);
      const suggestions = suggestionsFor(a.context.blockId, kw.text);
      let message = `Unknown keyword '${kw.text}' ${blockLabel(a.context.blockId)}`;
      if (elsewhere.length) message += `: it belongs ${[...new Set(elsewhere)].map(blockLabel).join(" or ")}`;
      else if (suggestions.length) message += `. Did you mean ${suggestions.map((s) => `'${s}'`).join(" or ")}?`;
      const fixes: Fix[] = kw.substituted
        ? []
        : suggestions.map((s, i) => ({ title: `Change to '${s}'`, preferred: i === 0, edits: [{ file: kw.file, range: kw.range, newText: s }] }));
      report({ file: kw.file, range: kw.range, severity: "error", code: "unknown-keyword", message, fixes });
    }
  },
};
