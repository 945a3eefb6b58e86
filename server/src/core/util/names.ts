// "Did you mean" suggestions.
export function editDistance(a: string, b: string): number {
  const prev: number[] = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidates, best first, within a distance that still looks like a typo. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  return closestOf(word, candidateList(candidates), max);
}

/** Candidates once without repeats, each with its lower case, for closestOf to compare many words with. */
export interface CandidateList {
  names: readonly string[];
  lower: readonly string[];
}

export function candidateList(candidates: Iterable<string>): CandidateList {
  const names = [...new Set(candidates)];
  return { names, lower: names.map((c) => c.toLowerCase()) };
}

/** closest over a prepared list: 4,000 unknown words in one block made the list and its lower cases 4,000 times. */
export function closestOf(word: string, candidates: CandidateList, max = 3): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const w = word.toLowerCase();
  const near: { c: string; d: number }[] = [];
  const { names, lower } = candidates;
  for (let i = 0; i < names.length; i++) {
    const c = names[i];
    // The distance is at least the difference in length: a 100 KB word is compared with nothing.
    if (Math.abs(c.length - w.length) > limit) continue;
    const d = editDistance(w, lower[i]);
    if (d <= limit) near.push({ c, d });
  }
  return near
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((x) => x.c);
}

/**
 * Did-you-mean for a value of a small fixed set (`state MASTR`, `auth_type PASSWORD`): the closest
 * values by edit distance, plus any value the word starts with or that starts with the word.
 */
export function closestValues(word: string, values: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 2)));
  return [...new Set(values)]
    .map((c) => {
      const v = c.toLowerCase();
      const prefix = v.length >= 2 && w.length >= 2 && (w.startsWith(v) || v.startsWith(w));
      return { c, d: prefix ? Math.min(1, editDistance(w, v)) : editDistance(w, v) };
    })
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((x) => x.c);
}

/**
 * A correction safe to apply without asking (fix-all on save): it only restores what a slip of the
 * fingers lost — letter case, up to two missing letters, two swapped neighbours, a stray `;` or `,`
 * at the end. Anything that drops real letters (`FNAT` → `NAT`, `PASSWORD` → `PASS`) may change
 * meaning and stays a quick fix the user picks. A cut-off word (`smtp_connect_time`) may miss up to three at its end.
 */
export function isSafeCorrection(word: string, suggestion: string): boolean {
  const w = word.toLowerCase().replace(/[;,]$/, "");
  const s = suggestion.toLowerCase();
  if (w === s) return true;
  if (w.length < 3) return false;
  if (w.length === s.length) {
    const diff = [...w].map((c, i) => (c === s[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 2 && diff[1] === diff[0] + 1 && w[diff[0]] === s[diff[1]] && w[diff[1]] === s[diff[0]];
  }
  if (s.length < w.length) return false;
  if (w.length >= 4 && s.length - w.length <= 3 && s.startsWith(w)) return true;
  if (s.length - w.length > 2) return false;
  let j = 0;
  for (const c of s) if (c === w[j]) j++;
  return j === w.length;
}
