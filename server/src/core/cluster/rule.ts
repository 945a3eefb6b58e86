// The two shapes a cross-file check can take. Each rule lives in cluster/rules/<code>.ts.
import type { Diagnostic, Fix, RelatedLocation, Severity } from "../check/diagnostic";
import type { ConfigWord } from "../config/expand";
import type { Field, VrrpInstance } from "../model/vrrp";
import type { Cluster } from "./cluster";
import { memberLabel } from "./cluster";

export type Report = (d: Diagnostic) => void;

/** Looks at the members of one cluster; its results are cached until a member's node changes. */
export interface ClusterRule {
  code: string;
  /** Also check an instance with no peer in the workspace (a "cluster" of one). */
  alsoAlone?: boolean;
  checkCluster(cluster: Cluster, report: Report): void;
}

/** Looks across clusters (e.g. VRIDs in use on one node); cheap enough to run on every analysis. */
export interface CrossClusterRule {
  code: string;
  checkClusters(clusters: Cluster[], report: Report): void;
  /**
   * Set when the rule's findings split into partitions (one VRID, one password) that each depend
   * only on the clusters taking part in it, in their order: the analysis then re-checks only the
   * partitions whose clusters changed (crossClusterCache.ts). checkClusters must give what
   * checkPartition gives over every partition, in the order each partition is first met.
   */
  partitioned?: PartitionedCheck<unknown>;
}

export interface PartitionedCheck<K> {
  /** The partitions a cluster takes part in, each once; called once per cluster object. */
  keysOf(cluster: Cluster): readonly K[];
  checkPartition(key: K, clusters: readonly Cluster[], report: Report): void;
}

/** checkClusters of a partitioned rule: every partition, in the order each is first met. */
export function checkAllPartitions<K>(check: PartitionedCheck<K>, clusters: Cluster[], report: Report): void {
  const partitions = new Map<K, Cluster[]>();
  for (const c of clusters)
    for (const k of check.keysOf(c)) {
      const list = partitions.get(k);
      if (list) list.push(c);
      else partitions.set(k, [c]);
    }
  for (const [k, list] of partitions) check.checkPartition(k, list, report);
}

/** The word a diagnostic about `field` should sit on: the value as written, else the instance name. */
export function anchorOf(i: VrrpInstance, field: Field<unknown> | undefined): ConfigWord {
  return field?.word ?? i.nameWord;
}

export function relatedTo(i: VrrpInstance, field: Field<unknown> | undefined, message: string): RelatedLocation {
  const w = anchorOf(i, field);
  return { file: w.file, range: w.range, message };
}

/** The member expected to be master: highest written priority, address owner first. */
export function preferredMaster(cluster: Cluster): VrrpInstance {
  return [...cluster.members].sort((a, b) => b.priority.value - a.priority.value)[0];
}

export interface ValueCheck<T> {
  code: string;
  keyword: string;
  severity?: Severity;
  cluster: Cluster;
  get(i: VrrpInstance): Field<T> | undefined;
  /** How a value reads in messages and is written in the file. */
  show?(v: T): string;
  /** Passwords: never written into messages (they end up in CI logs). */
  secret?: boolean;
  /** Values that keepalived treats as equal compare equal under this key. */
  compareKey?(v: T): string;
  fix(i: VrrpInstance, value: T, peer: VrrpInstance): Fix | undefined;
}

/** Reports every member whose value differs from another member's, with a fix per differing value. */
export function checkSameValue<T>(check: ValueCheck<T>, report: Report): void {
  const show = check.secret ? () => "" : (check.show ?? ((v: T) => String(v)));
  const key = check.compareKey ?? ((v: T) => String(v));
  const members = check.cluster.members.filter((m) => check.get(m) !== undefined);
  const preferred = preferredMaster(check.cluster);
  for (const m of members) {
    const mine = check.get(m)!;
    const others = members.filter((o) => o !== m && key(check.get(o)!.value) !== key(mine.value));
    if (!others.length) continue;
    const distinct = new Map<string, VrrpInstance>();
    for (const o of others) if (!distinct.has(key(check.get(o)!.value))) distinct.set(key(check.get(o)!.value), o);
    const fixes: Fix[] = [];
    for (const o of distinct.values()) {
      const f = check.fix(m, check.get(o)!.value, o);
      if (f) fixes.push({ ...f, preferred: o === preferred || undefined });
    }
    const where = (i: VrrpInstance) => (check.get(i)!.source === "instance" ? "" : ` (${check.get(i)!.source})`);
    const value = (i: VrrpInstance) => (check.secret ? "" : ` ${show(check.get(i)!.value)}`) + where(i);
    const w = anchorOf(m, mine);
    report({
      file: w.file,
      range: w.range,
      severity: check.severity ?? "error",
      code: check.code,
      message:
        `${check.keyword}${value(m)} on ${memberLabel(m, check.cluster)} differs from ` +
        others.map((o) => `${value(o).trim() ? value(o).trim() + " on " : "the one on "}${memberLabel(o, check.cluster)}`).join(", ") +
        `: the members of ${m.name} must agree`,
      related: others.map((o) => relatedTo(o, check.get(o), `${check.keyword}${value(o)} on ${memberLabel(o, check.cluster)}`)),
      fixes,
    });
  }
}
