// One VRID for two different virtual routers: on one node (same interface) keepalived refuses the
// second; on one segment both send adverts with the same virtual MAC and each takes the other's for its own.
import type { CrossClusterRule, PartitionedCheck, Report } from "../rule";
import { anchorOf, checkAllPartitions } from "../rule";
import type { Cluster } from "../cluster";
import { memberLabel } from "../cluster";
import { replaceWord } from "../edits";
import type { Diagnostic, RelatedLocation, TextEdit } from "../../check/diagnostic";
import { withFixesOnRead } from "../../check/diagnostic";
import type { VrrpInstance } from "../../model/vrrp";
import { addressFamily, ipv4Value } from "../../util/ip";

const families = new WeakMap<VrrpInstance, 4 | 6>();

/** The family of the first VIP. An IPv4 key (no ':') answers at once; IPv6 ones are kept per instance (isIpv6 is a regular expression). */
function family(i: VrrpInstance): 4 | 6 {
  if (!i.vips.length || !i.vips[0].key.includes(":")) return 4;
  let f = families.get(i);
  if (f === undefined) families.set(i, (f = addressFamily(i.vips[0].key) === 6 ? 6 : 4));
  return f;
}

const peerSets = new WeakMap<VrrpInstance, Set<string>>();

/** Unicast instances with no peer in common do not see each other's adverts. */
function mayHearEachOther(a: VrrpInstance, b: VrrpInstance): boolean {
  if (!a.unicastPeers.length || !b.unicastPeers.length) return !a.unicastPeers.length && !b.unicastPeers.length;
  let pa = peerSets.get(a);
  if (!pa) peerSets.set(a, (pa = new Set(a.unicastPeers.map((p) => p.address))));
  return b.unicastPeers.some((p) => pa.has(p.address));
}

/** Instance models survive edits to other blocks: their networks are computed once. */
const networksOf = new WeakMap<VrrpInstance, NetworkKey[]>();
/** Past this many clashing instances a message says "N+" instead of counting on (2,000 copies of one VRID). */
const MAX_COUNTED_CLASHES = 99;
/** Clashing instances named in the message (and as related locations); the rest are counted. */
const MAX_NAMED = 5;
/** Candidates looked at per instance on a segment (where clashing needs more than an index can tell), so thousands of instances with one VRID stay linear. */
const MAX_PAIRS_PER_INSTANCE = 2000;

/**
 * A VIP network as checkVrid's group key: the network's value times 64 plus the prefix length when the
 * length is written plainly (no leading zero: a number, no string kept per VIP), else NUL, the network,
 * '/' and the length as written. Node ids, the other keys, are strings that never start with NUL.
 */
type NetworkKey = number | string;

const NO_NETWORKS: NetworkKey[] = [];

/**
 * checkVrid's group keys of the IPv4 networks the VIPs sit in, when a prefix is written (a bare address
 * tells nothing about the segment), kept with the instance so no key is built per check.
 */
function networkKeys(i: VrrpInstance): NetworkKey[] {
  if (!i.vips.length) return NO_NETWORKS;
  let known = networksOf.get(i);
  if (!known) {
    known = computeNetworks(i);
    if (known.length > 1) known = [...new Set(known)]; // one VIP (most instances) needs no set
    networksOf.set(i, known);
  }
  return known;
}

// Indexed loops here: a for-of, before the optimizer steps in, makes an iterator and a result per step (these run per cluster).
function computeNetworks(i: VrrpInstance): NetworkKey[] {
  // Kept per instance: started at its first key, not grown from empty by push (room for 17; most instances have one VIP).
  let out: NetworkKey[] | undefined;
  for (let vi = 0; vi < i.vips.length; vi++) {
    const v = i.vips[vi];
    // Read in place: the address before the first '/', the length up to a second one.
    const slash = v.address.indexOf("/");
    if (slash < 0) continue;
    const lenEnd = v.address.indexOf("/", slash + 1);
    const plain = plainLength(v.address, slash + 1, lenEnd < 0 ? v.address.length : lenEnd);
    const len = plain >= 0 ? "" : v.address.slice(slash + 1, lenEnd < 0 ? undefined : lenEnd);
    const bits = plain >= 0 ? plain : Number(len);
    const n = ipv4Value(v.address);
    if (n === undefined || bits >= 32) continue;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const key = plain >= 0 ? ((n & mask) >>> 0) * 64 + plain : `\u0000${(n & mask) >>> 0}/${len}`;
    if (out) out.push(key);
    else out = [key];
  }
  return out ?? NO_NETWORKS;
}

/** The prefix length from `start` to `end` when written plainly (one or two digits, no leading zero), else -1. */
function plainLength(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start) - 48;
  if (end - start === 1) return first >= 0 && first <= 9 ? first : -1;
  if (end - start !== 2 || first < 1 || first > 9) return -1;
  const second = text.charCodeAt(start + 1) - 48;
  return second >= 0 && second <= 9 ? first * 10 + second : -1;
}

const vridsByNode = new WeakMap<object, Set<number>>();

/** VRIDs in use on a node, computed once per node model (a node may have hundreds of instances). */
function vridsOn(node: VrrpInstance["node"]): Set<number> {
  let used = vridsByNode.get(node);
  if (!used) {
    used = new Set();
    for (const i of node.instances) if (i.vrid) used.add(i.vrid.value);
    vridsByNode.set(node, used);
  }
  return used;
}

/** A VRID no instance on the nodes of these clusters uses, nearest above the first one's current VRID. */
function freeVrid(clusters: Cluster[]): number | undefined {
  const used = new Set<number>();
  for (const c of clusters) for (const m of c.members) for (const v of vridsOn(m.node)) used.add(v);
  const start = clusters[0].members.find((m) => m.vrid)?.vrid?.value ?? 1;
  for (let k = 1; k <= 255; k++) {
    const v = ((start - 1 + k) % 255) + 1;
    if (!used.has(v)) return v;
  }
  return undefined;
}

/** A group of checkVrid: the one instance it holds until a second joins (most VIP networks hold one), then a list. */
type Group = VrrpInstance | VrrpInstance[];

function addToGroup(groups: Map<NetworkKey, Group>, key: NetworkKey, m: VrrpInstance): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, m);
  else if (Array.isArray(group)) group.push(m);
  else groups.set(key, [group, m]);
}

/** No clash found (yet): frozen, so a clash is added to a list of its own. */
const NO_FOUND = Object.freeze([]) as unknown as VrrpInstance[];

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "A", "A and B", "A, B and C". */
function listed(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

interface Clashes {
  /** The first clashing instances, named in the message. */
  found: VrrpInstance[];
  /** How many more, counted up to MAX_COUNTED_CLASHES. */
  more: number;
}

const NO_INSTANCES: readonly VrrpInstance[] = [];

/** Whether no cluster has two of these instances (then every instance an index yields is a clash). */
function oneMemberEachIn(list: readonly VrrpInstance[], clusterOf: Map<VrrpInstance, Cluster>): boolean {
  // A cluster of one member is met once at most: only larger ones are remembered.
  let larger: Set<Cluster> | undefined;
  for (let k = 0; k < list.length; k++) {
    const c = clusterOf.get(list[k])!;
    if (c.members.length < 2) continue;
    if (larger?.has(c)) return false;
    (larger ??= new Set()).add(c);
  }
  return true;
}

/**
 * The clashes of each instance of one node's VRID group, from indexes: multicast instances by family
 * and interface (no interface clashes with every interface), unicast ones by peer. Every instance an
 * index yields is a clash unless it is of the same cluster, so each instance costs a few steps; when
 * no cluster has two members here (pairing keeps a node's instances apart), the rest is counted by
 * bucket sizes instead of one by one. Multicast buckets are found through maps per family keyed by
 * the interface as written: no key string is made per instance (26,000 instances on one node).
 */
function clashesOnNode(list: VrrpInstance[], clusterOf: Map<VrrpInstance, Cluster>): (a: VrrpInstance) => Clashes {
  /** Per family (IPv4, IPv6), the multicast instances by interface ("": none written), and those buckets in order. */
  const multicast = [new Map<string, VrrpInstance[]>(), new Map<string, VrrpInstance[]>()];
  const multicastByFamily: VrrpInstance[][][] = [[], []];
  const byPeer = new Map<string, VrrpInstance[]>();
  for (let li = 0; li < list.length; li++) {
    const i = list[li];
    if (i.unicastPeers.length) for (const p of new Set(i.unicastPeers.map((x) => x.address))) addTo(byPeer, `${family(i)}\u0000${p}`, i);
    else {
      const f = family(i) === 6 ? 1 : 0;
      const iface = i.interface?.value ?? "";
      // Started with its first instance: a list grown from empty by push keeps room for 17 (most interfaces hold one).
      const bucket = multicast[f].get(iface);
      if (bucket) bucket.push(i);
      else {
        const started = [i];
        multicast[f].set(iface, started);
        multicastByFamily[f].push(started);
      }
    }
  }
  const oneMemberEach = oneMemberEachIn(list, clusterOf);
  let a: VrrpInstance;
  let mine: Cluster | undefined;
  // A list only once there is a clash, and one answer object for all instances (read at once by the caller).
  let found = NO_FOUND;
  let more = 0;
  const answer: Clashes = { found, more };
  const done = (counted: number): Clashes => ((answer.found = found), (answer.more = counted), answer);
  const add = (b: VrrpInstance) => (found.length ? found : (found = [])).push(b);
  /** Takes one candidate; true when enough are known. */
  const take = (b: VrrpInstance): boolean => {
    if (b === a || clusterOf.get(b) === mine) return false;
    if (found.length < MAX_NAMED) add(b);
    else more++;
    return more >= MAX_COUNTED_CLASHES;
  };
  /** Every instance of the bucket clashes with `a` (but `a` itself); returns how many it holds. */
  const takeAll = (bucket: readonly VrrpInstance[]): number => {
    for (let k = 0; k < bucket.length && found.length < MAX_NAMED; k++) if (bucket[k] !== a) add(bucket[k]);
    return bucket.length;
  };
  /** Takes the bucket's instances one by one; true when enough are known. */
  const takeEach = (bucket: readonly VrrpInstance[]): boolean => {
    for (let k = 0; k < bucket.length; k++) if (take(bucket[k])) return true;
    return false;
  };
  return (instance) => {
    a = instance;
    mine = clusterOf.get(a);
    found = NO_FOUND;
    more = 0;
    const f = family(a);
    if (a.unicastPeers.length) {
      const seen = new Set<VrrpInstance>();
      for (const p of a.unicastPeers)
        for (const b of byPeer.get(`${f}\u0000${p.address}`) ?? []) {
          if (seen.has(b) || (a.interface && b.interface && a.interface.value !== b.interface.value)) continue;
          seen.add(b);
          if (take(b)) return done(more);
        }
      return done(more);
    }
    // Instances on other interfaces do not clash with `a`; those without an interface do.
    const byInterface = multicast[f === 6 ? 1 : 0];
    if (a.interface) {
      const own = byInterface.get(a.interface.value) ?? NO_INSTANCES;
      const none = byInterface.get("") ?? NO_INSTANCES;
      if (oneMemberEach) {
        const total = takeAll(own) + takeAll(none) - 1; // `a` sits in one of the buckets
        return done(Math.min(total - found.length, MAX_COUNTED_CLASHES));
      }
      if (!takeEach(own)) takeEach(none);
      return done(more);
    }
    const buckets = multicastByFamily[f === 6 ? 1 : 0];
    if (oneMemberEach) {
      let total = -1; // `a` sits in one of the buckets
      for (let k = 0; k < buckets.length; k++) total += takeAll(buckets[k]);
      return done(Math.min(total - found.length, MAX_COUNTED_CLASHES));
    }
    for (let k = 0; k < buckets.length; k++) if (takeEach(buckets[k])) break;
    return done(more);
  };
}

/** Past this many instances of one node's VRID group, noneClashOnNode leaves the question to the indexes. */
const MAX_PAIRWISE_ON_NODE = 16;

/**
 * Whether a few multicast instances of one node's VRID group sit each on an interface of its own (per
 * family), so none clashes with another: the usual way to reuse a VRID (keepalived allows each once
 * per interface). Answered by comparing pairs, without the indexes clashesOnNode builds; false when an
 * instance is unicast or names no interface, or the group is larger: then the indexes decide, and
 * false is never wrong.
 */
function noneClashOnNode(list: readonly VrrpInstance[]): boolean {
  if (list.length > MAX_PAIRWISE_ON_NODE) return false;
  for (let x = 0; x < list.length; x++) {
    const a = list[x];
    // An empty interface name sits in clashesOnNode's bucket of instances without one.
    if (a.unicastPeers.length || !a.interface?.value) return false;
    for (let y = 0; y < x; y++) {
      const b = list[y];
      if (a.interface.value === b.interface!.value && family(a) === family(b)) return false;
    }
  }
  return true;
}

/** The same instances named, and as many more counted. */
function sameList(found: VrrpInstance[], more: number, before: VrrpInstance[], moreBefore: number): boolean {
  if (more !== moreBefore || found.length !== before.length) return false;
  for (let k = 0; k < found.length; k++) if (found[k] !== before[k]) return false;
  return true;
}

/** The VRIDs a cluster's members use, each once: instances clash only within one VRID. */
function vridsOf(cluster: Cluster): number[] {
  // Kept per cluster object (crossClusterCache.ts): a one-member cluster's in a list of its size, not one grown by push (room for 17).
  if (cluster.members.length === 1) {
    const vrid = cluster.members[0].vrid;
    return vrid ? [vrid.value] : [];
  }
  const out: number[] = [];
  for (let mi = 0; mi < cluster.members.length; mi++) {
    const m = cluster.members[mi];
    if (m.vrid && !out.includes(m.vrid.value)) out.push(m.vrid.value);
  }
  return out;
}

/** The clashes among the instances using one VRID (`clusters`: those with a member using it). */
function checkVrid(vridValue: number, clusters: readonly Cluster[], report: Report): void {
    // Instances that could clash share a VRID and either a node or a VIP network: group by those,
    // so a VRID copied across many pairs costs no quadratic scan.
    // Keyed by the node's id for a node, by NUL and the network for a segment (an id is a path, never
    // starting with NUL): no key string is built per instance for its node.
    const groups = new Map<NetworkKey, Group>();
    for (let ci = 0; ci < clusters.length; ci++) {
      const c = clusters[ci];
      for (let mi = 0; mi < c.members.length; mi++) {
        const m = c.members[mi];
        if (m.vrid?.value !== vridValue) continue;
        addToGroup(groups, m.node.id, m);
        const nets = networkKeys(m);
        for (let k = 0; k < nets.length; k++) addToGroup(groups, nets[k], m);
      }
    }
    /** Each instance's cluster, made when a group is not cleared at once (most VRIDs reused per interface never need it). */
    let clusterOfMember: Map<VrrpInstance, Cluster> | undefined;
    const clustersByMember = (): Map<VrrpInstance, Cluster> => {
      if (clusterOfMember) return clusterOfMember;
      clusterOfMember = new Map();
      for (let ci = 0; ci < clusters.length; ci++) {
        const c = clusters[ci];
        for (let mi = 0; mi < c.members.length; mi++) if (c.members[mi].vrid?.value === vridValue) clusterOfMember.set(c.members[mi], c);
      }
      return clusterOfMember;
    };
    /** The note on an instance named as a clash: one object however many diagnostics name it (thousands may name the same five). */
    const notes = new Map<VrrpInstance, RelatedLocation>();
    const noteOn = (b: VrrpInstance): RelatedLocation => {
      let note = notes.get(b);
      if (!note) {
        const bw = anchorOf(b, b.vrid);
        notes.set(b, (note = { file: bw.file, range: bw.range, message: `${b.name} on ${b.node.name} uses virtual_router_id ${b.vrid!.value}` }));
      }
      return note;
    };
    /** Instances already named to each instance on a segment: a clash seen through two VIP networks is reported once. */
    const named = new Map<VrrpInstance, Set<VrrpInstance>>();
    // One instance alone in a group clashes with nothing there.
    const checkGroup = (list: VrrpInstance[], groupKey: NetworkKey): void => {
      const kind = typeof groupKey === "number" || groupKey.charCodeAt(0) === 0 ? "net" : "node";
      if (kind === "node" && noneClashOnNode(list)) return;
      const clusterOf = clustersByMember();
      const vrid = String(vridValue);
      const first = clusterOf.get(list[0]);
      if (list.every((i) => clusterOf.get(i) === first)) return; // members of one cluster never clash with each other
      const onSegment = (a: VrrpInstance, b: VrrpInstance): boolean => {
        if (a.node === b.node || family(a) !== family(b) || !mayHearEachOther(a, b)) return false; // a same-node clash is reported as one
        // Same name, or a VIP in common: one router's configuration copied (another repository's
        // example, an edited variant) that pairing left apart, not two routers on one segment.
        return !(a.name === b.name || a.vips.some((v) => b.vips.some((x) => x.key === v.key)));
      };
      const onNode = kind === "node" ? clashesOnNode(list, clusterOf) : undefined;
      let where: string;
      if (kind === "node") where = "";
      else {
        const [n, len] = typeof groupKey === "number" ? [Math.floor(groupKey / 64), String(groupKey % 64)] : groupKey.slice(1).split("/");
        const v = Number(n);
        where = ` on the segment ${[v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".")}/${len}`;
      }
      let lastFound: VrrpInstance[] = [];
      let lastMore = -1;
      let lastListed = "";
      // One diagnostic per instance, naming the first clashes and counting the rest: linear in diagnostics.
      for (let li = 0; li < list.length; li++) {
        const a = list[li];
        const mine = clusterOf.get(a);
        const already = named.get(a);
        let found = NO_FOUND;
        let more = 0;
        // A clash on one node is with an instance of that node; on a segment, with another node's.
        if (onNode) ({ found, more } = onNode(a));
        else {
          let budget = MAX_PAIRS_PER_INSTANCE;
          for (const b of list) {
            if (--budget < 0) break;
            if (b === a || clusterOf.get(b) === mine || already?.has(b) || !onSegment(a, b)) continue;
            if (found.length < MAX_NAMED) (found.length ? found : (found = [])).push(b);
            else if (++more >= MAX_COUNTED_CLASHES) break;
          }
        }
        if (!found.length) continue;
        if (onNode) {
          /* a same-node clash is never seen through a segment group (those need another node) */
        } else if (already) for (const b of found) already.add(b);
        else named.set(a, new Set(found));
        const cluster = mine!;
        // Instances past the first few of a node's bucket all name the same ones: their list is written once.
        if (!sameList(found, more, lastFound, lastMore)) {
          // On one node the others sit beside `a`; on a segment each is named with its node.
          const others = found.map((b) => (kind === "node" ? b.name : `${b.name} on ${b.node.name}`));
          if (more) others.push(`${more}${more >= MAX_COUNTED_CLASHES ? "+" : ""} other instance${more > 1 ? "s" : ""}`);
          (lastFound = found), (lastMore = more), (lastListed = listed(others));
        }
        const place = kind === "node" ? ` on ${a.node.name}${a.interface ? ` (${a.interface.value})` : ""}` : where;
        report(clashDiagnostic(a, cluster, found, `virtual_router_id ${vrid} of ${a.name} on ${memberLabel(a, cluster)} is also used by ${lastListed}${place}: two virtual routers cannot share a VRID there`, noteOn, clusterOf));
      }
    };
    // forEach: a for-of over the map's entries makes an entry and a result per step before the optimizer steps in.
    groups.forEach((group, groupKey) => {
      if (Array.isArray(group)) checkGroup(group, groupKey);
    });
}

/**
 * The diagnostic on `a` naming `found`, with its fix built on every read. A function of its own: the fix's
 * closure over the loop's variables made a context object per instance checked, clash or not.
 */
function clashDiagnostic(a: VrrpInstance, cluster: Cluster, found: VrrpInstance[], message: string, noteOn: (b: VrrpInstance) => RelatedLocation, clusterOf: Map<VrrpInstance, Cluster>): Diagnostic {
  const w = anchorOf(a, a.vrid);
  return withFixesOnRead({
    file: w.file,
    range: w.range,
    severity: "error" as const,
    code: "vrid-conflict",
    message,
    related: found.map(noteOn),
  }, () => {
    // Only when a code action asks: finding a free VRID looks at every instance of the clusters' nodes
    // (VRIDs outside this partition, which may change while this diagnostic is kept: built on every read).
    const free = freeVrid([cluster, ...new Set(found.map((b) => clusterOf.get(b)!))]);
    const edits = free === undefined ? [] : cluster.members.map((m) => m.vrid?.word && replaceWord(m.vrid.word, String(free)));
    return free !== undefined && edits.every(Boolean)
      ? [{ title: `Use free virtual_router_id ${free} for ${a.name} on ${cluster.members.map((m) => m.node.name).join(", ")}`, edits: edits as TextEdit[] }]
      : [];
  });
}

const byVrid: PartitionedCheck<number> = { keysOf: vridsOf, checkPartition: checkVrid };

export const vridConflictRule: CrossClusterRule = {
  code: "vrid-conflict",
  partitioned: byVrid as PartitionedCheck<unknown>,
  checkClusters: (clusters, report) => checkAllPartitions(byVrid, clusters, report),
};
