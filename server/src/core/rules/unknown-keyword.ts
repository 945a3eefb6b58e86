// A keyword keepalived does not know in this block: it logs "Unknown keyword" and skips it.
import type { NodeRule } from "../check/rule";
import type { Fix } from "../check/diagnostic";
import { keywordsIn, lookupKeyword, specsNamed } from "../schema/registry";
import { closest, isSafeCorrection } from "../util/names";
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
  perStatement: true,
  checkNode({ annotated, report }) {
    for (const a of annotated) {
      if (a.context.kind !== "keywords" || a.spec) continue;
      const kw = a.statement.keyword;
      const blockId = a.context.blockId;
      if (/\$\{[A-Za-z_]\w*\}/.test(kw.text)) continue; // an undefined ${NAME}: undefined-variable says why
      const elsewhere = specsNamed(kw.text).flatMap((s) => s.blocks);
      const suggestions = suggestionsFor(a.context.blockId, kw.text);
      let message = `Unknown keyword '${kw.text}' ${blockLabel(a.context.blockId)}`;
      const variable = /^\$([A-Za-z_]\w*)$/.exec(kw.text);
      // An old name this block does not take, whose new name it does (nb_get_retry in TCP_CHECK): say the new one.
      const renamed = specsNamed(kw.text)
        .map((sp) => sp.deprecated?.replacement)
        .find((r): r is string => !!r && !!lookupKeyword(blockId, r));
      if (renamed) {
        message += `: use '${renamed}' here (the old name '${kw.text}' is read only ${[...new Set(elsewhere)].map(blockLabel).join(" or ")}, and keepalived itself says to use '${renamed}')`;
        const fix: Fix[] = kw.substituted ? [] : [{ title: `Change to '${renamed}'`, preferred: true, edits: [{ file: kw.file, range: kw.range, newText: renamed }] }];
        report({ file: kw.file, range: kw.range, severity: "error", code: "unknown-keyword", message, fixes: fix });
        continue;
      }
      if (variable) message += `: no '$${variable[1]}=' definition comes before it, so keepalived reads the name as written`;
      else if (elsewhere.length) message += `: it belongs ${[...new Set(elsewhere)].map(blockLabel).join(" or ")}`;
      else if (suggestions.length) message += `. Did you mean ${suggestions.map((s) => `'${s}'`).join(" or ")}?`;
      const fixes: Fix[] = kw.substituted
        ? []
        : suggestions.map((s, i) => ({ title: `Change to '${s}'`, preferred: i === 0, safe: suggestions.length === 1 && isSafeCorrection(kw.text, s), edits: [{ file: kw.file, range: kw.range, newText: s }] }));
      report({ file: kw.file, range: kw.range, severity: "error", code: "unknown-keyword", message, fixes });
    }
  },
};
