// Which vrrp_instance blocks on different nodes form one virtual router. See
// docs/decisions/cluster-pairing.md for why a shared instance name alone is not enough.
// Candidates come from indexes (VIP, unicast address, name), so pairing stays cheap on big workspaces.
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import type { Cluster, PairingEvidence } from "./cluster";
import { compareText } from "../util/compareText";

interface Candidate {
  a: VrrpInstance;
  b: VrrpInstance;
  vip: boolean;
  unicast: boolean;
  sameName: boolean;
  sameVrid: boolean;
}

function sharesVip(a: VrrpInstance, b: VrrpInstance): boolean {
  return a.vips.some((x) => b.vips.some((y) => x.key === y.key));
}

/** One side names the other's unicast_src_ip as a peer. */
function unicastLinked(a: VrrpInstance, b: VrrpInstance): boolean {
  const names = (x: VrrpInstance, y: VrrpInstance) => !!y.unicastSrc && x.unicastPeers.some((p) => p.address === y.unicastSrc!.value);
  return names(a, b) || names(b, a);
}

/** Both talk unicast, but neither lists the other: they cannot be one virtual router. */
function unicastContradicts(a: VrrpInstance, b: VrrpInstance): boolean {
  return a.unicastPeers.length > 0 && b.unicastPeers.length > 0 && !unicastLinked(a, b);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class UnionFind {
  private parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    if (p !== k) (p = this.find(p)), this.parent.set(k, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

function candidatePairs(instances: VrrpInstance[]): Candidate[] {
  const byVip = new Map<string, VrrpInstance[]>();
  const bySrc = new Map<string, VrrpInstance[]>();
  for (const i of instances) {
    for (const v of new Set(i.vips.map((x) => x.key))) addTo(byVip, v, i);
    if (i.unicastSrc) addTo(bySrc, i.unicastSrc.value, i);
  }
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const consider = (a: VrrpInstance, b: VrrpInstance) => {
    if (a.node === b.node) return;
    const [x, y] = a.key < b.key ? [a, b] : [b, a];
    const k = `${x.key}\u0001${y.key}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(candidate(x, y));
  };
  for (const list of byVip.values()) for (const a of list) for (const b of list) consider(a, b);
  for (const a of instances) for (const p of a.unicastPeers) for (const b of bySrc.get(p.address) ?? []) consider(a, b);
  return out;
}

function candidate(a: VrrpInstance, b: VrrpInstance): Candidate {
  const [x, y] = a.key < b.key ? [a, b] : [b, a];
  return { a: x, b: y, vip: sharesVip(x, y), unicast: unicastLinked(x, y), sameName: x.name === y.name, sameVrid: x.vrid !== undefined && x.vrid.value === y.vrid?.value };
}

/** How much two instances look like one router; unicast alone only identifies the pair of hosts. */
function score(c: Candidate): number {
  return (c.vip ? 16 : 0) + (c.unicast ? 8 : 0) + (c.sameName ? 2 : 0) + (c.sameVrid ? 1 : 0);
}

/** "node/instance" → "node/instance": pairs the user declared (setting keepalived.peerPairing). */
export type PairingOverrides = Record<string, string>;

function byLabel(instances: VrrpInstance[]): Map<string, VrrpInstance> {
  return new Map(instances.map((i) => [`${i.node.name}/${i.name}`, i]));
}

export function pairInstances(models: NodeModel[], overrides: PairingOverrides = {}): Cluster[] {
  const instances = models.flatMap((m) => m.instances);
  const perNode = new Map<NodeModel, number>();
  for (const i of instances) perNode.set(i.node, (perNode.get(i.node) ?? 0) + 1);
  const candidates = candidatePairs(instances);
  const uf = new UnionFind();
  const evidence = new Map<string, Set<PairingEvidence>>();
  const note = (c: Candidate, e: PairingEvidence) => {
    const set = evidence.get(c.a.key) ?? new Set();
    set.add(e);
    evidence.set(c.a.key, set);
  };

  // (a)+(b): shared VIPs or unicast addressing, matched one-to-one per pair of nodes, best evidence first,
  // so two instances between the same two hosts (same unicast addresses) do not merge into one router.
  const strong = candidates
    .filter((c) => c.vip || (c.unicast && (c.sameName || c.sameVrid || (perNode.get(c.a.node) === 1 && perNode.get(c.b.node) === 1))))
    .sort((x, y) => score(y) - score(x) || compareText(x.a.key, y.a.key) || compareText(x.b.key, y.b.key));
  const matched = new Set<string>();
  for (const c of strong) {
    const ka = `${c.a.key}\u0001${c.b.node.id}`;
    const kb = `${c.b.key}\u0001${c.a.node.id}`;
    if (matched.has(ka) || matched.has(kb)) continue;
    matched.add(ka), matched.add(kb);
    uf.union(c.a.key, c.b.key);
    if (c.unicast) note(c, "unicast");
    if (c.vip) note(c, "vip");
  }

  // (c): same name and VRID, only for instances that found no partner above, and only when that
  // points at a single existing cluster (else the name is just a common default like VI_1).
  const size = new Map<string, number>();
  for (const i of instances) size.set(uf.find(i.key), (size.get(uf.find(i.key)) ?? 0) + 1);
  const lonely = (i: VrrpInstance) => size.get(uf.find(i.key)) === 1;
  // Name alone never pairs, so only name + VRID is indexed, and only lonely instances look it up
  // (a common name like VI_1 on many pairs stays cheap).
  const byNameAndVrid = new Map<string, VrrpInstance[]>();
  for (const i of instances) if (i.vrid) addTo(byNameAndVrid, `${i.name}\u0000${i.vrid.value}`, i);
  const byLonely = new Map<string, Candidate[]>();
  for (const i of instances) {
    if (!i.vrid || !lonely(i)) continue;
    for (const o of byNameAndVrid.get(`${i.name}\u0000${i.vrid.value}`) ?? []) {
      if (o.node === i.node) continue;
      const c = candidate(i, o);
      if (!c.vip && !c.unicast && !unicastContradicts(c.a, c.b)) addTo(byLonely, i.key, c);
    }
  }
  for (const [key, list] of byLonely) {
    const others = list.map((c) => (c.a.key === key ? c.b : c.a));
    const bigClusters = new Set(others.filter((o) => !lonely(o)).map((o) => uf.find(o.key)));
    if (bigClusters.size > 1) continue;
    for (const c of list) {
      uf.union(c.a.key, c.b.key);
      note(c, "name-and-vrid");
    }
  }

  // (d): what the user said belongs together, whatever the evidence.
  const labelled = byLabel(instances);
  for (const [left, right] of Object.entries(overrides)) {
    const a = labelled.get(left);
    const b = labelled.get(right);
    if (!a || !b || a.node === b.node) continue;
    uf.union(a.key, b.key);
    note(candidate(a, b), "override");
  }

  const groups = new Map<string, VrrpInstance[]>();
  for (const i of instances) addTo(groups, uf.find(i.key), i);
  const clusters: Cluster[] = [];
  for (const members of groups.values()) {
    members.sort((x, y) => compareText(x.node.name, y.node.name) || compareText(x.node.id, y.node.id) || compareText(x.name, y.name));
    const ev = new Set<PairingEvidence>();
    for (const m of members) for (const e of evidence.get(m.key) ?? []) ev.add(e);
    clusters.push({ id: members.map((m) => m.key).sort().join("\u0002"), members, evidence: [...ev] });
  }
  return clusters.sort((x, y) => compareText(x.id, y.id));
}
