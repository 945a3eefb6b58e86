// "Did you mean" suggestions.
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
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
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
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
