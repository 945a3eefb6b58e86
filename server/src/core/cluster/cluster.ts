// A cluster: vrrp_instance blocks on different nodes that run one virtual router.
import type { VrrpInstance } from "../model/vrrp";

/** Why two members were put together, strongest first. */
export type PairingEvidence = "unicast" | "vip" | "name-and-vrid" | "override";

export interface Cluster {
  /** Member keys, sorted and joined: stable while membership stays the same. */
  id: string;
  /** Sorted by node name, then instance name. */
  members: VrrpInstance[];
  evidence: PairingEvidence[];
}

const ambiguity = new WeakMap<Cluster, boolean>();

export function memberLabel(i: VrrpInstance, cluster?: Cluster): string {
  // The instance name is only worth showing when the members disagree on it or a node has several.
  // A one-member cluster never is (and thousands of them need no entries).
  if (!cluster || cluster.members.length < 2) return i.node.name;
  let ambiguous = ambiguity.get(cluster);
  if (ambiguous === undefined) {
    ambiguous = new Set(cluster.members.map((m) => m.name)).size > 1 || new Set(cluster.members.map((m) => m.node)).size < cluster.members.length;
    ambiguity.set(cluster, ambiguous); // computed once per cluster: rules ask for every member
  }
  return ambiguous ? `${i.node.name}/${i.name}` : i.node.name;
}
