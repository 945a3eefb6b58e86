// Line numbers from offsets, given the sorted offsets at which lines start (each caller decides where
// its lines end: editors also end one at a lone "\r", the re-parser counts "\n" only).

/** The line holding `offset`: the last line whose start is at or before it (a binary search). */
export function lineAtOffset(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
