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

/**
 * For each region, the region and branch it sits in (innermost), if any. Branch bodies nest (structure.ts
 * builds them with a stack), so a sweep in text order keeps the bodies open at a point as a stack whose
 * top is the innermost: linear after sorting (comparing every region with every branch took seconds on
 * a template of 4,000 blocks).
 */
export function parents(regions: Region[]): ({ region: number; branch: number } | undefined)[] {
  const bodies: { region: number; branch: number; start: number; end: number }[] = [];
  regions.forEach((p, i) =>
    p.branches.forEach((b, k) => {
      if (b.end > b.start) bodies.push({ region: i, branch: k, start: b.start, end: b.end });
    }),
  );
  bodies.sort((a, b) => a.start - b.start || b.end - a.end);
  const order = regions.map((_, i) => i).sort((a, b) => regions[a].tags[0].start - regions[b].tags[0].start || a - b);
  const out: ({ region: number; branch: number } | undefined)[] = new Array(regions.length).fill(undefined);
  const open: (typeof bodies)[number][] = [];
  let next = 0;
  for (const i of order) {
    const at = regions[i].tags[0].start;
    for (; next < bodies.length && bodies[next].start <= at; next++) {
      while (open.length && open[open.length - 1].end <= bodies[next].start) open.pop();
      open.push(bodies[next]);
    }
    while (open.length && open[open.length - 1].end <= at) open.pop();
    // A region's own bodies start after its first tag, so the top is another region's.
    const top = open[open.length - 1];
    out[i] = top && top.region !== i ? { region: top.region, branch: top.branch } : undefined;
  }
  return out;
}

/** The variants to check, and whether every written branch is in one of them (false: `max` cut the covering set short). */
export function chooseVariants(regions: Region[], max = MAX_VARIANTS): { choices: Choice[]; complete: boolean } {
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
  for (const k of choiceKeys) total = Math.min(total * counts.get(k)!, max + 1);
  if (total <= max) {
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
    return { choices: out, complete: true };
  }
  const parent = parents(regions);
  const covered = regions.map((r) => r.branches.map(() => false));
  const out: Choice[] = [];
  const active = (choice: Choice, i: number): boolean => {
    const p = parent[i];
    return !p || (choice[p.region] === p.branch && active(choice, p.region));
  };
  let complete = false;
  while (out.length < max - 1) {
    const target = covered.flatMap((bs, i) => bs.map((c, k) => ({ i, k, c }))).find((x) => !x.c);
    if (!target) {
      complete = true;
      break;
    }
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
  // The loop also ends when the last round covered the last branch.
  return { choices: out, complete: complete || covered.every((bs) => bs.every((c) => c)) };
}
