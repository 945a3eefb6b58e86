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
 * `nodeId`, `nodeName`: the node as it was when the instance was paired (an instance object moves to
 * its node's new model, which may be shown by another name).
 */
function pairingSignature(i: VrrpInstance, nodeId: string, nodeName: string): string {
  // An instance object keeps its values; only its node (and that node's shown name) can change.
  const kept = signatures.get(i);
  if (kept && kept.nodeId === nodeId && kept.nodeName === nodeName) return kept.signature;
  const signature = signatureOf(i, nodeId, nodeName);
  signatures.set(i, { nodeId, nodeName, signature });
  return signature;
}

const signatures = new WeakMap<VrrpInstance, { nodeId: string; nodeName: string; signature: string }>();

function signatureOf(i: VrrpInstance, nodeId: string, nodeName: string): string {
  const vips = i.vips.map((v) => v.key).join(",");
  const peers = i.unicastPeers.map((p) => p.address).join(",");
  const src = i.unicastSrc?.value;
  return [i.key, i.name, nodeId, nodeName, i.vrid ? String(i.vrid.value) : "", vips, src ?? "", src !== undefined ? String(i.priority.value) : "", peers, i.auth?.type?.value ?? "", i.auth?.pass?.value ?? "", i.state?.value ?? ""].join("\u0000");
}

interface LastPairing {
  overrides: PairingOverrides;
  instances: VrrpInstance[];
  /** Each instance's node id and shown name when paired (references to the model's strings, no copies). */
  nodeIds: string[];
  nodeNames: string[];
  clusters: Cluster[];
}

export class IncrementalPairing {
  private last?: LastPairing;

  pair(models: NodeModel[], overrides: PairingOverrides): Cluster[] {
    const instances = models.flatMap((m) => m.instances);
    const nodeIds = new Array<string>(instances.length);
    const nodeNames = new Array<string>(instances.length);
    for (let i = 0; i < instances.length; i++) (nodeIds[i] = instances[i].node.id), (nodeNames[i] = instances[i].node.name);
    const reused = this.reuse(instances, nodeIds, nodeNames, overrides);
    if (reused) return reused;
    const clusters = pairInstances(models, overrides);
    this.last = { overrides, instances, nodeIds, nodeNames, clusters };
    return clusters;
  }

  /**
   * The previous clusters with replaced instances swapped in, or undefined when pairing may differ.
   * Signatures are built only where an instance or its node differs from the last pairing: the same
   * object on a node of the same id and name pairs as it did (on opening a file, none is built).
   */
  private reuse(instances: VrrpInstance[], nodeIds: string[], nodeNames: string[], overrides: PairingOverrides): Cluster[] | undefined {
    const last = this.last;
    if (!last || last.overrides !== overrides || last.instances.length !== instances.length) return undefined;
    const replaced = new Map<VrrpInstance, VrrpInstance>();
    for (let i = 0; i < instances.length; i++) {
      const now = instances[i];
      const before = last.instances[i];
      if (now === before && nodeIds[i] === last.nodeIds[i] && nodeNames[i] === last.nodeNames[i]) continue;
      if (pairingSignature(now, nodeIds[i], nodeNames[i]) !== pairingSignature(before, last.nodeIds[i], last.nodeNames[i])) return undefined;
      if (now !== before) replaced.set(before, now);
    }
    const clusters = replaced.size ? last.clusters.map((c) => (c.members.some((m) => replaced.has(m)) ? { ...c, members: c.members.map((m) => replaced.get(m) ?? m) } : c)) : last.clusters;
    this.last = { overrides, instances, nodeIds, nodeNames, clusters };
    return clusters;
  }
}
