// Which branch each condition takes in each checked variant. Conditions written the same way take
// the same branch. Up to a cap every combination is checked; past it, a covering set: variants
// are added until every written branch (nested ones included) has been checked at least once, then
// one where every optional block renders nothing.
import type { Region } from "./structure";

export const MAX_VARIANTS = 16;

/** For each region, the branch taken (an index into branches, or -1 for "renders nothing"). */
export type Choice = number[];

function alternatives(r: Region): number {
  return r.branches.length + (r.mayBeEmpty ? 1 : 0);
}

function keyOf(r: Region, index: number): string {
  const condition = r.kind === "if" ? r.branches[0].condition?.replace(/\s+/g, " ") : undefined;
  return condition ? `${condition}\u0000${alternatives(r)}` : `#${index}`;
}

/** For each region, the region and branch it sits in (innermost), if any. */
function parents(regions: Region[]): ({ region: number; branch: number } | undefined)[] {
  return regions.map((r) => {
    const at = r.tags[0].start;
    let best: { region: number; branch: number; size: number } | undefined;
    regions.forEach((p, i) =>
      p.branches.forEach((b, k) => {
        if (p !== r && at >= b.start && at < b.end && (!best || b.end - b.start < best.size)) best = { region: i, branch: k, size: b.end - b.start };
      }),
    );
    return best && { region: best.region, branch: best.branch };
  });
}

export function variantChoices(regions: Region[]): Choice[] {
  const regionKey = regions.map(keyOf);
  const counts = new Map<string, number>();
  regionKey.forEach((k, i) => counts.set(k, Math.max(counts.get(k) ?? 0, alternatives(regions[i]))));
  const choiceKeys = [...counts.keys()].filter((k) => counts.get(k)! > 1);
  const toChoice = (a: Map<string, number>): Choice =>
    regions.map((r, i) => {
      const pick = a.get(regionKey[i]) ?? 0;
      return pick < r.branches.length ? pick : -1;
    });
  let total = 1;
  for (const k of choiceKeys) total = Math.min(total * counts.get(k)!, MAX_VARIANTS + 1);
  if (total <= MAX_VARIANTS) {
    const out: Choice[] = [];
    for (let n = 0; n < total; n++) {
      const a = new Map<string, number>();
      let rest = n;
      for (const k of choiceKeys) {
        a.set(k, rest % counts.get(k)!);
        rest = Math.floor(rest / counts.get(k)!);
      }
      out.push(toChoice(a));
    }
    return out;
  }
  const parent = parents(regions);
  const covered = regions.map((r) => r.branches.map(() => false));
  const out: Choice[] = [];
  const active = (choice: Choice, i: number): boolean => {
    const p = parent[i];
    return !p || (choice[p.region] === p.branch && active(choice, p.region));
  };
  while (out.length < MAX_VARIANTS - 1) {
    const target = covered.flatMap((bs, i) => bs.map((c, k) => ({ i, k, c }))).find((x) => !x.c);
    if (!target) break;
    const a = new Map<string, number>();
    // The target branch and the branches around it; every other condition: a branch not yet checked.
    for (let at: { region: number; branch: number } | undefined = { region: target.i, branch: target.k }; at; at = parent[at.region]) a.set(regionKey[at.region], at.branch);
    regions.forEach((r, i) => {
      if (!a.has(regionKey[i])) a.set(regionKey[i], Math.max(0, covered[i].indexOf(false)));
    });
    const choice = toChoice(a);
    regions.forEach((_, i) => {
      if (choice[i] >= 0 && active(choice, i)) covered[i][choice[i]] = true;
    });
    covered[target.i][target.k] = true; // even when a shared condition made it unreachable
    out.push(choice);
  }
  const empty = new Map(choiceKeys.map((k) => [k, counts.get(k)! - 1]));
  out.push(toChoice(new Map([...empty].map(([k, n]) => [k, regions.some((r, i) => regionKey[i] === k && r.mayBeEmpty) ? n : 0]))));
  return out;
}
