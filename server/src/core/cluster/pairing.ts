// Which vrrp_instance blocks on different nodes form one virtual router. See
// docs/decisions/cluster-pairing.md for why a shared instance name alone is not enough.
// Candidates come from indexes (VIP, unicast address, name), so pairing stays cheap on big workspaces.
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import type { Cluster, PairingEvidence } from "./cluster";
import { compareText, plainFrom } from "../util/compareText";

interface Candidate {
  a: VrrpInstance;
  b: VrrpInstance;
  vip: boolean;
  unicast: boolean;
  sameName: boolean;
  sameVrid: boolean;
  sameAuth: boolean;
  sameVips: boolean;
}

function sharesVip(a: VrrpInstance, b: VrrpInstance): boolean {
  return a.vips.some((x) => b.vips.some((y) => x.key === y.key));
}

function vipSet(i: VrrpInstance): string {
  return [...new Set(i.vips.map((v) => v.key))].sort().join(",");
}

/** The network a VIP sits in, as far as a typo goes: the /24 of IPv4, the /64 of IPv6. */
function vipNetwork(key: string): string {
  return key.includes(":") ? key.split(":").slice(0, 4).join(":") : key.split(".").slice(0, 3).join(".");
}

/** A VIP typo keeps the address in its network; VIPs in unrelated networks are unrelated routers
 *  (and an instance without a valid VIP says nothing about which router it is). */
function vipsNearby(a: VrrpInstance, b: VrrpInstance): boolean {
  if (!a.vips.length || !b.vips.length) return false;
  const nets = new Set(a.vips.map((v) => vipNetwork(v.key)));
  return b.vips.some((v) => nets.has(vipNetwork(v.key)));
}

/** Same authentication (type and password), or none on both. */
function sameAuth(a: VrrpInstance, b: VrrpInstance): boolean {
  const key = (i: VrrpInstance) => `${i.auth?.type?.value ?? ""}\u0000${i.auth?.pass?.value ?? ""}`;
  return key(a) === key(b);
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

/**
 * Two copies of one machine's configuration (same unicast_src_ip, priority and state), e.g. a file and
 * its edited variant, or the same tutorial in two repositories: never peers of each other.
 */
function sameHost(a: VrrpInstance, b: VrrpInstance): boolean {
  return !!a.unicastSrc && a.unicastSrc.value === b.unicastSrc?.value && a.priority.value === b.priority.value && stateOf(a) === stateOf(b);
}

function stateOf(i: VrrpInstance): string {
  return (i.state?.value ?? "BACKUP").toUpperCase();
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups of instances, each remembering its members so merges can be checked before they happen. */
class Groups {
  private parent = new Map<string, string>();
  private members = new Map<string, VrrpInstance[]>();
  constructor(instances: VrrpInstance[]) {
    for (const i of instances) this.members.set(i.key, [i]);
  }
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    if (p !== k) (p = this.find(p)), this.parent.set(k, p);
    return p;
  }
  of(i: VrrpInstance): VrrpInstance[] {
    return this.members.get(this.find(i.key)) ?? [i];
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent.set(ra, rb);
    this.members.set(rb, [...(this.members.get(rb) ?? []), ...(this.members.get(ra) ?? [])]);
    this.members.delete(ra);
  }
}

function candidatePairs(instances: VrrpInstance[]): Candidate[] {
  const byVip = new Map<string, VrrpInstance[]>();
  const bySrc = new Map<string, VrrpInstance[]>();
  const byNameAndVrid = new Map<string, VrrpInstance[]>();
  for (const i of instances) {
    for (const v of new Set(i.vips.map((x) => x.key))) addTo(byVip, v, i);
    if (i.unicastSrc) addTo(bySrc, i.unicastSrc.value, i);
    if (i.vrid) addTo(byNameAndVrid, `${i.name}\u0000${i.vrid.value}`, i);
  }
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const consider = (a: VrrpInstance, b: VrrpInstance) => {
    if (a.node === b.node) return;
    const [x, y] = a.key < b.key ? [a, b] : [b, a];
    const k = `${x.key}\u0001${y.key}`;
    if (seen.has(k)) return;
    seen.add(k);
    const c = candidate(x, y);
    if (acceptable(c)) out.push(c);
  };
  for (const list of byVip.values()) if (list.length > 1) considerAcrossNodes(list, consider);
  // Each address a peer list names once: 200 hosts rendered with one address listed it 199 times each.
  for (const a of instances) for (const address of new Set(a.unicastPeers.map((p) => p.address))) for (const b of bySrc.get(address) ?? []) consider(a, b);
  // Name + VRID pairs only under the conditions of `acceptable`; one shared by more than MAX_SHARING
  // instances is a default copied everywhere (VI_1, 51): no evidence, and not worth a quadratic scan.
  for (const list of byNameAndVrid.values()) if (list.length <= MAX_SHARING) for (const a of list) for (const b of list) consider(a, b);
  return out;
}

/**
 * Instances of one node never pair: only the instances of two different nodes are compared, node by
 * node (one node holding 8,000 instances of one address was compared with itself, 64 million pairs). An
 * address on more than MAX_SHARING instances is no evidence of one router, as with a name and VRID
 * copied everywhere (a play of 1,000 hosts rendering one VIP took minutes to compare them all).
 */
function considerAcrossNodes(list: VrrpInstance[], consider: (a: VrrpInstance, b: VrrpInstance) => void): void {
  if (list.length > MAX_SHARING) return;
  const byNode = new Map<NodeModel, VrrpInstance[]>();
  for (const i of list) addTo(byNode, i.node, i);
  const groups = [...byNode.values()];
  for (let g = 0; g < groups.length; g++) for (let h = g + 1; h < groups.length; h++) for (const a of groups[g]) for (const b of groups[h]) consider(a, b);
}

/** Instances one address or one name and VRID may be shared by and still be evidence of one router. */
const MAX_SHARING = 64;

function candidate(a: VrrpInstance, b: VrrpInstance): Candidate {
  const [x, y] = a.key < b.key ? [a, b] : [b, a];
  return {
    a: x,
    b: y,
    vip: sharesVip(x, y),
    unicast: unicastLinked(x, y),
    sameName: x.name === y.name,
    sameVrid: x.vrid !== undefined && x.vrid.value === y.vrid?.value,
    sameAuth: sameAuth(x, y),
    sameVips: vipSet(x) === vipSet(y),
  };
}

/** Whether a pair is evidence at all (docs/decisions/cluster-pairing.md). */
function acceptable(c: Candidate, perNode?: Map<NodeModel, number>): boolean {
  if (sameHost(c.a, c.b)) return false;
  // A shared VIP between routers with another name and another VRID is a reused address, not a pair.
  if (c.vip) return c.sameName || c.sameVrid || c.unicast;
  if (c.unicast) return c.sameName || c.sameVrid || (!!perNode && perNode.get(c.a.node) === 1 && perNode.get(c.b.node) === 1) || !perNode;
  // Name and VRID alone: a master and a backup with a VIP typo, so the VIPs stay in one network
  // and everything else agrees.
  return c.sameName && c.sameVrid && c.sameAuth && stateOf(c.a) !== stateOf(c.b) && vipsNearby(c.a, c.b) && !unicastContradicts(c.a, c.b);
}

/** How much two instances look like one router; unicast alone only identifies the pair of hosts. */
function score(c: Candidate): number {
  return (c.vip ? 32 : 0) + (c.unicast ? 16 : 0) + (c.sameAuth ? 8 : 0) + (c.sameVips ? 4 : 0) + (c.sameName ? 2 : 0) + (c.sameVrid ? 1 : 0);
}

/** A pair that disagrees on something a virtual router's members must share. */
function disagrees(c: Candidate): boolean {
  return !c.sameVrid || !c.sameAuth || !c.sameVips;
}

function evidenceOf(c: Candidate): PairingEvidence[] {
  const out: PairingEvidence[] = [];
  if (c.unicast) out.push("unicast");
  if (c.vip) out.push("vip");
  if (!c.unicast && !c.vip) out.push("name-and-vrid");
  return out;
}

/** "node/instance" → "node/instance": pairs the user declared (setting keepalived.peerPairing). */
export type PairingOverrides = Record<string, string>;

function byLabel(instances: VrrpInstance[]): Map<string, VrrpInstance> {
  return new Map(instances.map((i) => [`${i.node.name}/${i.name}`, i]));
}

export function pairInstances(models: NodeModel[], overrides: PairingOverrides = {}): Cluster[] {
  const instances = models.flatMap((m) => m.instances);
  const perNode = new Map<NodeModel, number>();
  // Members of one cluster sit on different nodes: with one node there is nothing to pair.
  if (models.length > 1) for (const i of instances) perNode.set(i.node, (perNode.get(i.node) ?? 0) + 1);
  const candidates = (models.length < 2 ? [] : candidatePairs(instances))
    .filter((c) => acceptable(c, perNode))
    .sort((x, y) => score(y) - score(x) || x.a.key.localeCompare(y.a.key) || x.b.key.localeCompare(y.b.key));
  // Nothing to pair (one node, or no evidence anywhere): each instance is a cluster of its own, as the
  // grouping below would find, without its per-instance maps and sets (26,000 instances on one node).
  if (!candidates.length && !Object.keys(overrides).length) return sortedById(instances.map((i) => ({ id: i.key, members: [i], evidence: NO_EVIDENCE })));
  const groups = new Groups(instances);
  const evidence = new Map<string, Set<PairingEvidence>>();
  const note = (c: Candidate, e: PairingEvidence[]) => {
    const set = evidence.get(c.a.key) ?? new Set();
    e.forEach((x) => set.add(x));
    evidence.set(c.a.key, set);
  };
  const byInstance = new Map<VrrpInstance, Candidate[]>();
  for (const c of candidates) addTo(byInstance, c.a, c), addTo(byInstance, c.b, c);

  // Strongest evidence first. A lone instance joins a group only when its best evidence points at
  // that group alone (a tutorial copy that matches two real pairs equally well stays alone); two
  // groups merge only on a pair that agrees on everything; a group never holds two instances of one
  // node, nor two copies of one host.
  const ambiguous = (lone: VrrpInstance, c: Candidate) => {
    const targets = new Set<VrrpInstance[]>();
    for (const o of byInstance.get(lone) ?? []) {
      if (score(o) !== score(c)) continue;
      const other = groups.of(o.a === lone ? o.b : o.a);
      if (other.length > 1) targets.add(other);
    }
    return targets.size > 1;
  };
  for (const c of candidates) {
    const ga = groups.of(c.a);
    const gb = groups.of(c.b);
    if (ga === gb) continue;
    if (ga.some((x) => gb.some((y) => x.node === y.node || sameHost(x, y)))) continue;
    if (ga.length > 1 && gb.length > 1 && disagrees(c)) continue;
    if ((ga.length === 1 && ambiguous(c.a, c)) || (gb.length === 1 && ambiguous(c.b, c))) continue;
    groups.union(c.a.key, c.b.key);
    note(c, evidenceOf(c));
  }

  // What the user said belongs together, whatever the evidence.
  const labelled = Object.keys(overrides).length ? byLabel(instances) : new Map<string, VrrpInstance>();
  for (const [left, right] of Object.entries(overrides)) {
    const a = labelled.get(left);
    const b = labelled.get(right);
    if (!a || !b || a.node === b.node) continue;
    groups.union(a.key, b.key);
    note(candidate(a, b), ["override"]);
  }

  const grouped = new Map<string, VrrpInstance[]>();
  for (const i of instances) addTo(grouped, groups.find(i.key), i);
  const clusters: Cluster[] = [];
  for (const members of grouped.values()) {
    members.sort((x, y) => x.node.name.localeCompare(y.node.name) || x.node.id.localeCompare(y.node.id) || x.name.localeCompare(y.name));
    const ev = new Set<PairingEvidence>();
    for (const m of members) for (const e of evidence.get(m.key) ?? []) ev.add(e);
    clusters.push({ id: members.map((m) => m.key).sort().join("\u0002"), members, evidence: [...ev] });
  }
  return sortedById(clusters);
}

/** The evidence of a cluster of one: none, shared by all of them (thousands on a large node). */
const NO_EVIDENCE = Object.freeze([]) as unknown as PairingEvidence[];

/** Clusters in the order of their ids. */
function sortedById(clusters: Cluster[]): Cluster[] {
  if (clusters.length < 2) return clusters;
  // Ids start with their node's id (often one long path for all): compare from where they first differ.
  // An id that starts with the whole shared start is checked by one startsWith, not a character loop.
  const firstId = clusters[0].id;
  let shared = firstId.length;
  let start = firstId;
  for (let ci = 1; ci < clusters.length; ci++) {
    const id = clusters[ci].id;
    if (id.startsWith(start)) continue;
    let k = 0;
    while (k < shared && id.charCodeAt(k) === firstId.charCodeAt(k)) k++;
    shared = k;
    start = firstId.slice(0, shared);
  }
  return sortedByPlainIds(clusters, shared) ?? clusters.sort((x, y) => compareText(x.id, y.id, shared));
}

/**
 * The clusters sorted by the built-in string order, in place, when that is compareText's: every id is
 * plain after the shared start (plainFrom), and no two share an id. Undefined otherwise. A comparator called from the sort was most of pairing's time on a
 * node of 2,000 instances named alike (VI_0 ... VI_1999).
 */
function sortedByPlainIds(clusters: Cluster[], shared: number): Cluster[] | undefined {
  const ids = new Array<string>(clusters.length);
  const byId = new Map<string, Cluster>();
  for (let ci = 0; ci < clusters.length; ci++) {
    const id = clusters[ci].id;
    if (!plainFrom(id, shared)) return undefined;
    ids[ci] = id;
    byId.set(id, clusters[ci]);
  }
  if (byId.size !== clusters.length) return undefined;
  ids.sort();
  for (let ci = 0; ci < ids.length; ci++) clusters[ci] = byId.get(ids[ci])!;
  return clusters;
}
