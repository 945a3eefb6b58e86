// Cross-cluster rules kept up to date per partition (one VRID, one password): a partition is checked
// again only when the clusters taking part in it, in their order, are not the same objects as at the
// last analysis. A keystroke replaces one cluster (or none), so one or two partitions are re-checked
// instead of every cluster of the workspace (vrid-conflict and the shared-password check over all
// clusters were a fifth of what each keystroke allocated). Results equal a full check: the property
// tests in test/cluster/incremental.test.ts compare with a fresh workspace after every edit.
import type { Diagnostic } from "../check/diagnostic";
import type { NodeModel } from "../model/vrrp";
import type { Cluster } from "./cluster";
import type { CrossClusterRule, PartitionedCheck, Report } from "./rule";
import { internalError, runIsolated } from "../rules/internal-error";

interface Partition {
  key: unknown;
  /** The clusters taking part, in the analysis' order, at the last check. */
  clusters: Cluster[];
  /** How many of `clusters` this analysis has met again, in order. */
  cursor: number;
  /** This analysis' clusters, once they differ from `clusters`. */
  next?: Cluster[];
  /** The analysis that last met the partition (the one in progress: part of this analysis). */
  seen: number;
  diagnostics: Diagnostic[];
}

/** Shared by every partition that has none (yet): frozen, so nothing can add to them. */
const NO_CLUSTERS = Object.freeze([]) as unknown as Cluster[];
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as Diagnostic[];

class PartitionedRuleCache {
  private readonly partitions = new Map<unknown, Partition>();
  /**
   * What the partition being checked reports, copied out at its size: one list and one report function
   * for all partitions. Reused by a count: `length = 0` drops an array's storage, and the next push makes it again.
   */
  private readonly found: Diagnostic[] = [];
  private foundCount = 0;
  private readonly collect: Report = (d) => {
    this.found[this.foundCount++] = d;
  };
  /** Each cluster object's partition keys, asked once (a cluster object never changes). */
  private readonly keys = new WeakMap<Cluster, readonly unknown[]>();
  private analysis = 0;
  /** Partitions in the order the analysis first meets them (the order a full check reports in); one array kept across analyses. */
  private readonly order: Partition[] = [];

  constructor(
    private readonly code: string,
    private readonly check: PartitionedCheck<unknown>,
  ) {}

  /** The clusters of the last update, in its order (for the fast path of update). */
  private last: readonly Cluster[] = NO_CLUSTERS;

  /** Reports every partition's findings; returns how many partitions were checked again. */
  update(clusters: readonly Cluster[], report: Report): number {
    const replaced = this.replacedInPlace(clusters);
    const checked = replaced ? this.updateReplaced(replaced, clusters) : this.updateAll(clusters);
    // The scratch list would keep the last partition's findings alive (and a large one's room).
    this.found.length = 0;
    // A copy: the fast path compares with the list as it was.
    this.last = clusters.slice();
    const order = this.order;
    for (let oi = 0; oi < order.length; oi++) {
      const found = order[oi].diagnostics;
      for (let di = 0; di < found.length; di++) report(found[di]);
    }
    return checked;
  }

  private keysOf(c: Cluster): readonly unknown[] {
    let keys = this.keys.get(c);
    if (!keys) this.keys.set(c, (keys = this.check.keysOf(c)));
    return keys;
  }

  /**
   * Where a keystroke left the cluster list as it was but for a few clusters replaced at their place by
   * clusters with the same keys, in order (a priority or a VIP edited): their positions. Then every
   * partition keeps its clusters' order and its place in the order partitions are met, and only those
   * of the replaced clusters change. Undefined otherwise (the full pass decides).
   */
  private replacedInPlace(clusters: readonly Cluster[]): number[] | undefined {
    const last = this.last;
    if (last === NO_CLUSTERS || last.length !== clusters.length) return undefined;
    let replaced: number[] | undefined;
    for (let i = 0; i < clusters.length; i++) {
      if (clusters[i] === last[i]) continue;
      if ((replaced ??= []).length === 8) return undefined;
      const was = this.keysOf(last[i]);
      const now = this.keysOf(clusters[i]);
      if (was.length !== now.length) return undefined;
      for (let k = 0; k < was.length; k++) if (was[k] !== now[k]) return undefined;
      replaced.push(i);
    }
    // A cluster that moved (one of the replaced ones now at another's place) is not a replacement.
    if (replaced) for (const i of replaced) for (const j of replaced) if (clusters[i] === last[j]) return undefined;
    return replaced ?? [];
  }

  /** The fast path: each replaced cluster takes its predecessor's place in its partitions, which are checked again. */
  private updateReplaced(replaced: readonly number[], clusters: readonly Cluster[]): number {
    // Each partition's new list, made before any is changed: a partition not holding its cluster (which
    // cannot happen while the partitions are the last update's) leaves all of them to the full pass.
    const lists = new Map<Partition, Cluster[]>();
    for (const i of replaced) {
      const was = this.last[i];
      const keys = this.keysOf(clusters[i]);
      for (let k = 0; k < keys.length; k++) {
        const p = this.partitions.get(keys[k]);
        if (!p) return this.updateAll(clusters);
        let list = lists.get(p);
        if (!list) lists.set(p, (list = p.clusters.slice()));
        const at = list.indexOf(was);
        if (at < 0) return this.updateAll(clusters);
        list[at] = clusters[i];
      }
    }
    for (const [p, list] of lists) {
      p.clusters = list;
      this.checkAgain(p);
    }
    return lists.size;
  }

  private checkAgain(p: Partition): void {
    this.foundCount = 0;
    try {
      this.check.checkPartition(p.key, p.clusters, this.collect);
    } catch (e) {
      this.collect(internalError(this.code, p.clusters[0]?.members[0]?.nameWord.file ?? "", e));
    }
    p.diagnostics = this.foundCount ? this.found.slice(0, this.foundCount) : NO_DIAGNOSTICS;
  }

  /** Every cluster's partitions met in order; a partition whose clusters differ from the last time is checked again. */
  private updateAll(clusters: readonly Cluster[]): number {
    let checked = 0;
    const now = ++this.analysis;
    const order = this.order;
    order.length = 0;
    for (let ci = 0; ci < clusters.length; ci++) {
      const c = clusters[ci];
      let keys = this.keys.get(c);
      if (!keys) this.keys.set(c, (keys = this.check.keysOf(c)));
      for (let k = 0; k < keys.length; k++) {
        let p = this.partitions.get(keys[k]);
        // A new partition starts with the shared empty lists; its first cluster starts `next` at its size
        // (a list grown by push keeps room for 17: thousands of partitions have one cluster, one per password).
        if (!p) this.partitions.set(keys[k], (p = { key: keys[k], clusters: NO_CLUSTERS, cursor: 0, next: undefined, seen: now, diagnostics: NO_DIAGNOSTICS }));
        else if (p.seen !== now) (p.seen = now), (p.cursor = 0), (p.next = undefined);
        if (p.cursor === 0 && !p.next?.length) order.push(p);
        // A second cluster makes a list of two (thousands of passwords have two): one grown by push keeps room for 17.
        if (p.next?.length === 1) p.next = [p.next[0], c];
        else if (p.next) p.next.push(c);
        else if (p.clusters[p.cursor] === c) p.cursor++;
        else if (p.cursor === 0) p.next = [c];
        else (p.next = p.clusters.slice(0, p.cursor)), p.next.push(c);
      }
    }
    // Partitions no cluster takes part in any more (swept only when there are some: the loop allocates).
    if (order.length !== this.partitions.size) this.partitions.forEach((p, key) => p.seen !== now && this.partitions.delete(key));
    for (let oi = 0; oi < order.length; oi++) {
      const p = order[oi];
      if (!p.next && p.cursor !== p.clusters.length) p.next = p.clusters.slice(0, p.cursor);
      if (p.next) {
        // Kept until the partition changes: a longer list grown by push is kept at its size.
        p.clusters = p.next.length > 2 ? p.next.slice() : p.next;
        p.next = undefined;
        p.cursor = p.clusters.length;
        this.checkAgain(p);
        checked++;
      }
    }
    return checked;
  }
}

/** Every cross-cluster rule of an analysis: partitioned ones per partition, the others in full. */
export class CrossClusterResults {
  private readonly caches = new Map<CrossClusterRule, PartitionedRuleCache>();
  /** The nodes' shown names at the last analysis: messages name nodes, so a renamed node re-checks all. */
  private names: string[] = [];
  /** Partitions checked by the last update, for tests: how much work a keystroke did. */
  partitionsChecked = 0;

  update(rules: readonly CrossClusterRule[], clusters: Cluster[], models: readonly NodeModel[], report: Report): void {
    if (models.length !== this.names.length || models.some((m, i) => m.name !== this.names[i])) {
      this.caches.clear();
      this.names = models.map((m) => m.name);
    }
    this.partitionsChecked = 0;
    for (const rule of rules) {
      const partitioned = rule.partitioned;
      if (!partitioned) {
        runIsolated(rule.code, clusters[0]?.members[0]?.nameWord.file ?? "", report, () => rule.checkClusters(clusters, report));
        continue;
      }
      let cache = this.caches.get(rule);
      if (!cache) this.caches.set(rule, (cache = new PartitionedRuleCache(rule.code, partitioned)));
      this.partitionsChecked += cache.update(clusters, report);
    }
    // A rule no longer in the list (tests swap rules) leaves its results behind.
    if (this.caches.size > rules.length) for (const rule of this.caches.keys()) if (!rules.includes(rule)) this.caches.delete(rule);
  }
}
