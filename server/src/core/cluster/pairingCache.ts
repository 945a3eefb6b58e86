// Pairing again only when something pairing reads has changed. On a keystroke one instance object is
// replaced (extractVrrp.ts reuses the others), and usually by one that pairs exactly as the old one
// did (a digit typed in its priority, a line added): the clusters are then the previous ones with the
// new object in place of the old. pairInstances over every instance took 1.5–3 ms of each keystroke.
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import type { Cluster } from "./cluster";
import { pairInstances, PairingOverrides } from "./pairing";

/**
 * Everything pairInstances reads of an instance (see pairing.ts): identity, name, node (id and the
 * name it may be shown by), VRID, VIPs, unicast addresses, authentication and state; the priority only
 * counts with a unicast_src_ip (two copies of one host). Equal signatures in the same order pair alike.
 */
export function pairingSignature(i: VrrpInstance): string {
  // An instance object keeps its values; only its node (and that node's shown name) can change.
  const kept = signatures.get(i);
  if (kept && kept.nodeId === i.node.id && kept.nodeName === i.node.name) return kept.signature;
  const signature = signatureOf(i);
  signatures.set(i, { nodeId: i.node.id, nodeName: i.node.name, signature });
  return signature;
}

const signatures = new WeakMap<VrrpInstance, { nodeId: string; nodeName: string; signature: string }>();

function signatureOf(i: VrrpInstance): string {
  const vips = i.vips.map((v) => v.key).join(",");
  const peers = i.unicastPeers.map((p) => p.address).join(",");
  const src = i.unicastSrc?.value;
  return [i.key, i.name, i.node.id, i.node.name, i.vrid ? String(i.vrid.value) : "", vips, src ?? "", src !== undefined ? String(i.priority.value) : "", peers, i.auth?.type?.value ?? "", i.auth?.pass?.value ?? "", i.state?.value ?? ""].join("\u0000");
}

export class IncrementalPairing {
  private last?: { overrides: PairingOverrides; instances: VrrpInstance[]; signatures: string[]; clusters: Cluster[] };

  pair(models: NodeModel[], overrides: PairingOverrides): Cluster[] {
    const instances = models.flatMap((m) => m.instances);
    const signatures = instances.map(pairingSignature);
    const reused = this.reuse(instances, signatures, overrides);
    if (reused) return reused;
    const clusters = pairInstances(models, overrides);
    this.last = { overrides, instances, signatures, clusters };
    return clusters;
  }

  /** The previous clusters with replaced instances swapped in, or undefined when pairing may differ. */
  private reuse(instances: VrrpInstance[], signatures: string[], overrides: PairingOverrides): Cluster[] | undefined {
    const last = this.last;
    if (!last || last.overrides !== overrides || last.instances.length !== instances.length) return undefined;
    const replaced = new Map<VrrpInstance, VrrpInstance>();
    for (let i = 0; i < instances.length; i++) {
      if (signatures[i] !== last.signatures[i]) return undefined;
      if (instances[i] !== last.instances[i]) replaced.set(last.instances[i], instances[i]);
    }
    const clusters = replaced.size ? last.clusters.map((c) => (c.members.some((m) => replaced.has(m)) ? { ...c, members: c.members.map((m) => replaced.get(m) ?? m) } : c)) : last.clusters;
    this.last = { overrides, instances, signatures, clusters };
    return clusters;
  }
}
