// A keyword keepalived does not know in this block: it logs "Unknown keyword" and skips it.
import type { NodeRule } from "../check/rule";
import type { Fix } from "../check/diagnostic";
import { keywordsIn, lookupKeyword, specsNamed } from "../schema/registry";
import { candidateList, closestOf, isSafeCorrection } from "../util/names";
import type { CandidateList } from "../util/names";
import { TOP } from "../schema/types";
import type { ConfigWord } from "../config/expand";

function blockLabel(blockId: string): string {
  // Qualified ids such as "SSL_GET/url" are internal: show the block keyword as written.
  return blockId === TOP ? "at the top level" : `inside ${blockId.split("/").pop()}`;
}

/** The keyword names of each block, prepared once for closestOf (the schema never changes). */
const blockNames = new Map<string, CandidateList>();

function namesIn(blockId: string): CandidateList {
  let names = blockNames.get(blockId);
  if (!names) blockNames.set(blockId, (names = candidateList(keywordsIn(blockId).map((s) => s.name))));
  return names;
}

/** What an unknown keyword is told in a block: the same for every occurrence of that word there. */
interface Verdict {
  message: string;
  /** The new name of an old keyword this block does not take under its old name. */
  renamed?: string;
  suggestions: string[];
}

/** Verdicts per block and word (suggestions included), so 100,000 copies of one word share one message string. */
const verdictCache = new Map<string, Verdict>();

/** The last word asked about: a deep or long run of one unknown word asks 100,000 times in a row. */
let lastAsked: { blockId: string; word: string; verdict: Verdict } | undefined;

function verdictFor(blockId: string, word: string): Verdict {
  if (lastAsked && lastAsked.blockId === blockId && lastAsked.word === word) return lastAsked.verdict;
  const verdict = computeVerdict(blockId, word);
  lastAsked = { blockId, word, verdict };
  return verdict;
}

function computeVerdict(blockId: string, word: string): Verdict {
  const key = `${blockId}\u0000${word}`;
  let verdict = verdictCache.get(key);
  if (verdict) return verdict;
  if (verdictCache.size > 10000) verdictCache.clear();
  const elsewhere = specsNamed(word).flatMap((s) => s.blocks);
  const suggestions = closestOf(word, namesIn(blockId));
  let message = `Unknown keyword '${word}' ${blockLabel(blockId)}`;
  const variable = /^\$([A-Za-z_]\w*)$/.exec(word);
  // An old name this block does not take, whose new name it does (nb_get_retry in TCP_CHECK): say the new one.
  const renamed = specsNamed(word)
    .map((sp) => sp.deprecated?.replacement)
    .find((r): r is string => !!r && !!lookupKeyword(blockId, r));
  if (renamed) message += `: use '${renamed}' here (the old name '${word}' is read only ${[...new Set(elsewhere)].map(blockLabel).join(" or ")}, and keepalived itself says to use '${renamed}')`;
  else if (variable) message += `: no '$${variable[1]}=' definition comes before it, so keepalived reads the name as written`;
  else if (elsewhere.length) message += `: it belongs ${[...new Set(elsewhere)].map(blockLabel).join(" or ")}`;
  else if (suggestions.length) message += `. Did you mean ${suggestions.map((s) => `'${s}'`).join(" or ")}?`;
  verdict = { message, renamed, suggestions };
  verdictCache.set(key, verdict);
  return verdict;
}

/** The fixes of a word with no suggestion: one frozen list, not one per each of 200,000 unknown words. */
const NO_FIXES = Object.freeze([]) as unknown as Fix[];

/**
 * The did-you-mean fixes of an unknown keyword. A function of its own: a closure over the word in
 * checkNode's loop made V8 allocate a scope object on every pass of the loop (every statement).
 */
function suggestionFixes(kw: ConfigWord, suggestions: string[]): Fix[] {
  return suggestions.map((s, i) => ({ title: `Change to '${s}'`, preferred: i === 0, safe: suggestions.length === 1 && isSafeCorrection(kw.text, s), edits: [{ file: kw.file, range: kw.range, newText: s }] }));
}

export const unknownKeywordRule: NodeRule = {
  code: "unknown-keyword",
  perStatement: true,
  checkNode({ annotated, report }) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
    for (let k = 0; k < annotated.length; k++) {
      const a = annotated[k];
      // The spec first: most statements have one, and the context is a second getter call.
      if (a.spec || a.context.kind !== "keywords") continue;
      const kw = a.statement.keyword;
      if (kw.text.includes("${") && /\$\{[A-Za-z_]\w*\}/.test(kw.text)) continue; // an undefined ${NAME}: undefined-variable says why
      const { message, renamed, suggestions } = verdictFor(a.context.blockId, kw.text);
      if (renamed) {
        const fix: Fix[] = kw.substituted ? [] : [{ title: `Change to '${renamed}'`, preferred: true, edits: [{ file: kw.file, range: kw.range, newText: renamed }] }];
        report({ file: kw.file, range: kw.range, severity: "error", code: "unknown-keyword", message, fixes: fix });
        continue;
      }
      const fixes: Fix[] = kw.substituted || !suggestions.length ? NO_FIXES : suggestionFixes(kw, suggestions);
      report({ file: kw.file, range: kw.range, severity: "error", code: "unknown-keyword", message, fixes });
    }
  },
};
