// A virtual address that is also a node's own address. keepalived treats a VIP found on an
// interface as left over from a crash and forgets it as the interface's address
// (keepalived/vrrp/vrrp.c remove_residual_vips); an instance left without a source address goes to
// FAULT ("no IPv4 address for interface", keepalived/vrrp/vrrp_track.c, or "src address not
// configured" when unicast_src_ip cannot be bound, vrrp.c). A backup also deletes its VIPs, here
// its own address. A VIP that is a peer's address takes that address away from the peer.
import type { ClusterRule } from "../rule";
import { memberLabel } from "../cluster";
import type { NodeModel, UnicastPeer, VrrpInstance } from "../../model/vrrp";

/** A node's instances by their unicast_src_ip, in file order: each VIP looks its address up once
 *  instead of scanning every instance of the node (quadratic on a node with thousands). */
const bySource = new WeakMap<NodeModel, Map<string, VrrpInstance[]>>();

function instancesWithSource(node: NodeModel, address: string): VrrpInstance[] {
  let index = bySource.get(node);
  if (!index) {
    index = new Map();
    for (const o of node.instances) {
      const src = o.unicastSrc?.value;
      if (src === undefined) continue;
      const list = index.get(src);
      if (list) list.push(o);
      else index.set(src, [o]);
    }
    bySource.set(node, index);
  }
  return index.get(address) ?? NO_INSTANCES;
}

/** Frozen: the answer for every address no instance has as its source. */
const NO_INSTANCES = Object.freeze([]) as unknown as VrrpInstance[];

/** The first instance of `list` other than `m`. */
function otherThan(list: readonly VrrpInstance[], m: VrrpInstance): VrrpInstance | undefined {
  for (let k = 0; k < list.length; k++) if (list[k] !== m) return list[k];
  return undefined;
}

// Loops in functions of their own, not closures over the member and VIP: a closure's variables made a
// context object per VIP of every cluster, found or not.
function peerAt(peers: readonly UnicastPeer[], address: string): UnicastPeer | undefined {
  for (let k = 0; k < peers.length; k++) if (peers[k].address === address) return peers[k];
  return undefined;
}

/** A member other than `m` whose unicast_src_ip is `address`. */
function memberWithSource(members: readonly VrrpInstance[], m: VrrpInstance, address: string): VrrpInstance | undefined {
  for (let k = 0; k < members.length; k++) if (members[k] !== m && members[k].unicastSrc?.value === address) return members[k];
  return undefined;
}

export const vipIsNodeAddressRule: ClusterRule = {
  code: "vip-is-node-address",
  alsoAlone: true,
  checkCluster(cluster, report) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator and a result per step (this runs per cluster).
    for (let mi = 0; mi < cluster.members.length; mi++) {
      const m = cluster.members[mi];
      for (let vi = 0; vi < m.vips.length; vi++) {
        const v = m.vips[vi];
        let what: string | undefined;
        let where = m.unicastSrc?.word;
        if (m.unicastSrc?.value === v.key) what = `the unicast_src_ip of ${memberLabel(m, cluster)}`;
        const ownOther = !what && otherThan(instancesWithSource(m.node, v.key), m);
        if (ownOther) (what = `${m.node.name}'s own address (unicast_src_ip of ${ownOther.name})`), (where = ownOther.unicastSrc!.word);
        const peer = !what && m.unicastPeers.length ? peerAt(m.unicastPeers, v.key) : undefined;
        if (peer) (what = `a unicast_peer of ${m.name}, another node's address`), (where = peer.word);
        const member = !what && cluster.members.length > 1 && memberWithSource(cluster.members, m, v.key);
        if (member) (what = `${memberLabel(member, cluster)}'s own address (its unicast_src_ip)`), (where = member.unicastSrc!.word);
        if (!what) continue;
        report({
          file: v.word.file,
          range: v.word.range,
          severity: "warning",
          code: "vip-is-node-address",
          message: `virtual address ${v.key} is ${what}: keepalived takes an address it finds on the interface for a stale VIP, and the instance goes to FAULT (no source address); a backup deletes it. A VIP must be an address no node has`,
          related: where ? [{ file: where.file, range: where.range, message: what }] : undefined,
        });
      }
    }
  },
};
