// A configuration change reaches the nodes of a cluster one at a time. Between two reloads some
// members run the old configuration and some the new one: where they stop hearing each other, each
// side elects its own master (two masters); where the master's instance is re-created, its VIPs
// are released and a backup takes them. This walks the possible orders node by node.
//
// Who hears whom follows keepalived's advert checks (keepalived/vrrp/vrrp.c vrrp_check_packet):
// adverts of another VRID or version are not ours; a VRRPv2 advert whose authentication or
// interval differs is dropped; unicast adverts are taken only from addresses in unicast_peer, and a
// unicast instance drops multicast adverts (and the other way round). A differing VIP list is only
// logged ("expected N VIPs"), so it splits nothing, but the set in service is the master's.
import type { VrrpInstance } from "../model/vrrp";
import type { Cluster } from "../cluster/cluster";
import { holdersOf } from "../cluster/failover";
import { AUTH_PASS_LENGTH } from "../rules/auth-pass-truncated";

/** One node's part in a cluster: its instance before and after the change. */
export interface RolloutSlot {
  node: string;
  before?: VrrpInstance;
  after?: VrrpInstance;
  /** keepalived keeps the running instance across the reload (same identity). */
  kept: boolean;
  /** Something keepalived runs differs here: the node has to be reloaded (unchanged ones are not). */
  changed?: boolean;
}

export interface RolloutStep {
  /** The node just reloaded. */
  node: string;
  /** Masters after this step: more than one means two masters; none means nobody holds the VIPs. */
  masters: string[];
  /** The VIPs were released for a moment (the master's instance re-created or removed). */
  released: boolean;
  /** The VIP holder changed during this step. */
  moved: boolean;
  note?: string;
}

export interface RolloutPlan {
  name: string;
  order: string[];
  steps: RolloutStep[];
  splits: number;
  moves: number;
}

function pass(i: VrrpInstance): string {
  return `${i.auth?.type?.value ?? ""}:${i.auth?.pass?.value.slice(0, AUTH_PASS_LENGTH) ?? ""}`;
}

/** `x` takes `y`'s adverts. */
export function hears(x: VrrpInstance, y: VrrpInstance): boolean {
  if ((x.vrid?.value ?? -1) !== (y.vrid?.value ?? -1) || x.version.value !== y.version.value) return false;
  if (x.version.value === 2 && (pass(x) !== pass(y) || x.advertInt.value !== y.advertInt.value)) return false;
  const xu = x.unicastPeers.length > 0;
  const yu = y.unicastPeers.length > 0;
  if (xu !== yu) return false;
  if (!xu) return true;
  // y sends to its peers; x accepts only sources listed in its own peers. An unknown source
  // address (the interface's) cannot be judged: assume it is right.
  const listed = (list: VrrpInstance, who: VrrpInstance) => !who.unicastSrc || list.unicastPeers.some((p) => p.address === who.unicastSrc!.value);
  return listed(y, x) && listed(x, y);
}

/** Members that hear each other both ways, grouped. */
export function hearingGroups(members: VrrpInstance[]): VrrpInstance[][] {
  const groups: VrrpInstance[][] = [];
  const seen = new Set<VrrpInstance>();
  for (const m of members) {
    if (seen.has(m)) continue;
    const group = [m];
    seen.add(m);
    for (let k = 0; k < group.length; k++)
      for (const o of members) if (!seen.has(o) && hears(group[k], o) && hears(o, group[k])) (seen.add(o), group.push(o));
    groups.push(group);
  }
  return groups;
}

function clusterOf(members: VrrpInstance[]): Cluster {
  return { id: members.map((m) => m.key).join("|"), members, evidence: [] };
}

/** Masters of the members (one per group that hears itself), keeping an incumbent where nopreempt keeps it. */
function elect(members: VrrpInstance[], incumbents: VrrpInstance[]): VrrpInstance[] {
  return hearingGroups(members)
    .map((g) => holdersOf(clusterOf(g), undefined, incumbents.find((i) => g.includes(i))).master?.instance)
    .filter((m): m is VrrpInstance => !!m);
}

function nodeOf(slots: RolloutSlot[], i: VrrpInstance): string {
  return slots.find((s) => s.before === i || s.after === i)!.node;
}

/** Walks `order` (node names) from the old configuration to the new one. */
export function walk(name: string, slots: RolloutSlot[], order: string[]): RolloutPlan {
  const applied = new Set<string>();
  const current = () => slots.map((s) => (applied.has(s.node) ? s.after : s.before)).filter((i): i is VrrpInstance => !!i);
  let masters = elect(current(), []);
  // Two masters already before the change (e.g. the change repairs a split) is not the rollout's doing.
  const alreadySplit = masters.length;
  const steps: RolloutStep[] = [];
  for (const node of order) {
    const slot = slots.find((s) => s.node === node)!;
    const heldHere = !!slot.before && masters.includes(slot.before);
    applied.add(node);
    // A kept instance carries its state (and incumbency) over; a re-created or removed one does not.
    const carried = masters.map((m) => (m === slot.before ? (slot.kept ? slot.after : undefined) : m)).filter((m): m is VrrpInstance => !!m);
    const released = heldHere && !slot.kept;
    let incumbents = carried;
    let note: string | undefined;
    if (released) {
      // The others elect among themselves while the new instance waits out its first interval.
      const others = current().filter((i) => i !== slot.after);
      incumbents = elect(others, carried);
      note = `the VIPs are released on ${node} (instance ${slot.after ? "re-created" : "removed"})${incumbents.length ? `; ${incumbents.map((i) => nodeOf(slots, i)).join(", ")} takes them` : ""}`;
    }
    const next = elect(current(), incumbents);
    const before = new Set(masters.map((m) => nodeOf(slots, m)));
    const after = next.map((m) => nodeOf(slots, m));
    const moved = released || after.length !== before.size || after.some((n) => !before.has(n));
    steps.push({ node, masters: after, released, moved, note });
    masters = next;
  }
  return { name, order, steps, splits: steps.filter((s) => s.masters.length > Math.max(1, alreadySplit)).length, moves: steps.filter((s) => s.moved).length };
}

/** Backups first (lowest priority first, the master last), and the master first. Either way nodes
 *  that leave the cluster are stopped first and new ones started last: the others' unicast_peer lists
 *  then name them before they run, and still name them until they stopped. */
export function candidateOrders(slots: RolloutSlot[]): { name: string; order: string[] }[] {
  const current = slots.map((s) => s.before).filter((i): i is VrrpInstance => !!i);
  const masters = new Set(elect(current, []).map((m) => nodeOf(slots, m)));
  const prio = (s: RolloutSlot) => s.before?.priority.value ?? 0;
  const leaving = slots.filter((s) => s.before && !s.after).map((s) => s.node).sort();
  const joining = slots.filter((s) => !s.before && s.after).map((s) => s.node).sort();
  const staying = slots.filter((s) => s.before && s.after && s.changed !== false);
  const backups = staying.filter((s) => !masters.has(s.node)).sort((a, b) => prio(a) - prio(b) || a.node.localeCompare(b.node)).map((s) => s.node);
  const first = staying.filter((s) => masters.has(s.node)).map((s) => s.node).sort();
  const around = (middle: string[]) => [...leaving, ...middle, ...joining];
  if (!first.length || !backups.length) return [{ name: first.length + backups.length > 1 ? "any order" : "one node", order: around([...first, ...backups]) }];
  return [
    { name: "backups first", order: around([...backups, ...first]) },
    { name: "master first", order: around([...first, ...backups]) },
  ];
}

/** The plan with no moment of two masters and the fewest VIP moves; backups first on a tie. */
export function bestPlan(plans: RolloutPlan[]): RolloutPlan {
  return [...plans].sort((a, b) => a.splits - b.splits || a.moves - b.moves)[0];
}
