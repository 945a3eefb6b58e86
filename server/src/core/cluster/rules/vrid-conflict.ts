// One VRID for two different virtual routers: on one node (same interface) keepalived refuses the
// second; on one segment both send adverts with the same virtual MAC and each takes the other's for its own.
import type { CrossClusterRule } from "../rule";
import { anchorOf } from "../rule";
import type { Cluster } from "../cluster";
import { memberLabel } from "../cluster";
import { replaceWord } from "../edits";
import type { TextEdit } from "../../check/diagnostic";
import { withLazyFixes } from "../../check/diagnostic";
import type { VrrpInstance } from "../../model/vrrp";
import { addressFamily } from "../../util/ip";

const families = new WeakMap<VrrpInstance, 4 | 6>();

function family(i: VrrpInstance): 4 | 6 {
  let f = families.get(i);
  if (f === undefined) families.set(i, (f = i.vips.length && addressFamily(i.vips[0].key) === 6 ? 6 : 4));
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
const networksOf = new WeakMap<VrrpInstance, string[]>();
/** Past this many clashing instances a message says "N+" instead of counting on (2,000 copies of one VRID). */
const MAX_COUNTED_CLASHES = 99;
/** Clashes reported one by one per instance; the last one counts the rest. */
const MAX_REPORTED_PER_INSTANCE = 5;
/** Candidates looked at per instance, so thousands of instances with one VRID stay linear. */
const MAX_PAIRS_PER_INSTANCE = 2000;

/** IPv4 networks the VIPs sit in, when a prefix is written (a bare address tells nothing about the segment). */
function networks(i: VrrpInstance): string[] {
  let known = networksOf.get(i);
  if (!known) networksOf.set(i, (known = [...new Set(computeNetworks(i))]));
  return known;
}

function computeNetworks(i: VrrpInstance): string[] {
  const out: string[] = [];
  for (const v of i.vips) {
    const [addr, len] = v.address.split("/");
    if (len === undefined || addressFamily(addr) !== 4 || Number(len) >= 32) continue;
    const n = addr.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    const mask = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
    out.push(`${(n & mask) >>> 0}/${len}`);
  }
  return out;
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

/** A VRID no instance on the nodes of either cluster uses, nearest above the current one. */
function freeVrid(cluster: Cluster, other: Cluster): number | undefined {
  const used = new Set<number>();
  for (const m of [...cluster.members, ...other.members]) for (const v of vridsOn(m.node)) used.add(v);
  const start = cluster.members.find((m) => m.vrid)?.vrid?.value ?? 1;
  for (let k = 1; k <= 255; k++) {
    const v = ((start - 1 + k) % 255) + 1;
    if (!used.has(v)) return v;
  }
  return undefined;
}

export const vridConflictRule: CrossClusterRule = {
  code: "vrid-conflict",
  checkClusters(clusters, report) {
    const clusterOf = new Map<VrrpInstance, Cluster>();
    // Instances that could clash share a VRID and either a node or a VIP network: group by those,
    // so a VRID copied across many pairs costs no quadratic scan.
    const groups = new Map<string, VrrpInstance[]>();
    const add = (k: string, i: VrrpInstance) => {
      const list = groups.get(k);
      if (list) list.push(i);
      else groups.set(k, [i]);
    };
    for (const c of clusters)
      for (const m of c.members) {
        clusterOf.set(m, c);
        if (!m.vrid) continue;
        add(`${m.vrid.value}\u0000node\u0000${m.node.id}`, m);
        for (const n of networks(m)) add(`${m.vrid.value}\u0000net\u0000${n}`, m);
      }
    const reported = new Set<string>();
    for (const [groupKey, list] of groups) {
      if (list.length < 2) continue;
      const [vrid, kind, place] = groupKey.split("\u0000");
      const clashes = (a: VrrpInstance, b: VrrpInstance): boolean => {
        if (a === b || clusterOf.get(a) === clusterOf.get(b) || family(a) !== family(b) || !mayHearEachOther(a, b)) return false;
        if (kind === "node") return !(a.interface && b.interface && a.interface.value !== b.interface.value);
        if (a.node === b.node) return false; // a same-node clash is reported as one
        // Same name, or a VIP in common: one router's configuration copied (another repository's
        // example, an edited variant) that pairing left apart, not two routers on one segment.
        return !(a.name === b.name || a.vips.some((v) => b.vips.some((x) => x.key === v.key)));
      };
      // One diagnostic per instance, naming the first clash and counting the rest: linear in diagnostics.
      // Members of one cluster never clash with each other: look only at the other clusters' members.
      const byCluster = new Map<Cluster | undefined, VrrpInstance[]>();
      for (const i of list) {
        const c = clusterOf.get(i);
        const bucket = byCluster.get(c);
        if (bucket) bucket.push(i);
        else byCluster.set(c, [i]);
      }
      if (byCluster.size < 2) continue;
      for (const a of list) {
        const found: VrrpInstance[] = [];
        let more = 0;
        let budget = MAX_PAIRS_PER_INSTANCE;
        search: for (const [c, members] of byCluster) {
          if (c === clusterOf.get(a)) continue;
          for (const other of members) {
            if (--budget < 0 || more >= MAX_COUNTED_CLASHES) break search;
            if (!clashes(a, other)) continue;
            if (found.length < MAX_REPORTED_PER_INSTANCE) found.push(other);
            else more++;
          }
        }
        found.forEach((b, n) => {
          let where: string;
          if (kind === "node") where = `on ${a.node.name}${a.interface ? ` (${a.interface.value})` : ""}`;
          else {
            const [n, len] = place.split("/");
            const v = Number(n);
            where = `on the segment ${[v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".")}/${len}`;
          }
          const key = `${a.key}\u0001${b.key}`;
          if (reported.has(key)) return;
          reported.add(key);
          const others = more && n === found.length - 1 ? ` (and ${more}${more >= MAX_COUNTED_CLASHES ? "+" : ""} other instance${more > 1 ? "s" : ""})` : "";
          const cluster = clusterOf.get(a)!;
          const other = clusterOf.get(b)!;
          const w = anchorOf(a, a.vrid);
          const bw = anchorOf(b, b.vrid);
          report(withLazyFixes({
            file: w.file,
            range: w.range,
            severity: "error" as const,
            code: "vrid-conflict",
            message: `virtual_router_id ${vrid} of ${a.name} on ${memberLabel(a, cluster)} is also used by ${b.name} on ${b.node.name}${others} ${where}: two virtual routers cannot share a VRID there`,
            related: [{ file: bw.file, range: bw.range, message: `${b.name} on ${b.node.name} uses virtual_router_id ${vrid}` }],
          }, () => {
            // Only when a code action asks: finding a free VRID looks at every instance of both clusters' nodes.
            const free = freeVrid(cluster, other);
            const edits = free === undefined ? [] : cluster.members.map((m) => m.vrid?.word && replaceWord(m.vrid.word, String(free)));
            return free !== undefined && edits.every(Boolean)
              ? [{ title: `Use free virtual_router_id ${free} for ${a.name} on ${cluster.members.map((m) => m.node.name).join(", ")}`, edits: edits as TextEdit[] }]
              : [];
          }));
        });
      }
    }
  },
};
