// Who holds a cluster's VIPs, and who would after some failures: effective priorities (track weights,
// address owner), fault states, sync groups, preemption and the tie-break on the primary address.
import type { TrackEntry, VrrpInstance } from "../model/vrrp";
import type { Cluster } from "./cluster";
import { memberLabel } from "./cluster";
import { isIpv4 } from "../util/ip";
import { compareText } from "../util/compareText";

/** A node name, a tracked item (vrrp_script, track_file, process, interface), or `node:item`. */
export type FailureSpec = string;

export interface PriorityTerm {
  track: TrackEntry;
  /** What it adds to the base priority in this scenario (0 when it does not apply). */
  delta: number;
}

export interface Holder {
  instance: VrrpInstance;
  node: string;
  role: "MASTER" | "BACKUP" | "FAULT" | "DOWN";
  /** Effective priority; undefined for FAULT and DOWN. */
  priority?: number;
  base: number;
  terms: PriorityTerm[];
  /** Why the member is in FAULT or DOWN, or how it kept/got the master role. */
  reason?: string;
}

export interface FailoverState {
  cluster: Cluster;
  /** MASTER first, then backups by effective priority, then FAULT and DOWN members. */
  holders: Holder[];
  master?: Holder;
  /** The member that would have taken over but has nopreempt, so the running master stays. */
  keptBy?: Holder;
}

/** nopreempt as keepalived applies it: cleared for an initial state MASTER and for the address
 *  owner (keepalived/vrrp/vrrp.c vrrp_complete_instance: "nopreempt will not work with initial
 *  state MASTER", "nopreempt is incompatible with priority 255"). */
export function holdsBack(i: VrrpInstance): boolean {
  return !!i.nopreempt && i.state?.value !== "MASTER" && i.priority.value !== 255;
}

/** preempt_delay as keepalived applies it: cleared for an initial state MASTER and next to nopreempt
 *  (the same function of keepalived/vrrp/vrrp.c). */
export function delaysPreemption(i: VrrpInstance): boolean {
  return !!i.preemptDelay && !i.nopreempt && i.state?.value !== "MASTER";
}

export class Failures {
  constructor(readonly specs: FailureSpec[]) {}

  private matches(nodeName: string, item: string): boolean {
    return this.specs.some((s) => {
      const at = s.indexOf(":");
      return at < 0 ? s === item : s.slice(0, at) === nodeName && s.slice(at + 1) === item;
    });
  }

  nodeDown(i: VrrpInstance): boolean {
    return this.specs.includes(i.node.name) || this.specs.includes(i.node.id);
  }

  failed(i: VrrpInstance, item: string): boolean {
    return this.matches(i.node.name, item);
  }
}

const NONE = new Failures([]);

/** Weights of members of a sync group are ignored (keepalived zeroes them) unless the group keeps them. */
function weightOf(i: VrrpInstance, t: TrackEntry): number {
  return i.syncGroup && !i.syncGroup.keepsMemberWeights ? 0 : t.weight;
}

interface RawState {
  fault?: string;
  priority: number;
  terms: PriorityTerm[];
}

function rawState(i: VrrpInstance, failures: Failures): RawState {
  const base = i.priority.value;
  const terms: PriorityTerm[] = [];
  let fault: string | undefined;
  if (i.tracksPrimary && i.interface && failures.failed(i, i.interface.value)) fault = `${i.interface.value} down`;
  let priority = base;
  for (const t of i.tracks) {
    const failed = failures.failed(i, t.name);
    // `reverse` swaps which outcome triggers the weight.
    const down = t.reverse ? !failed : failed;
    const w = weightOf(i, t);
    if (w === 0) {
      if (down && !fault) fault = `${t.name} ${failed ? "failing" : "healthy (reverse)"}`;
      terms.push({ track: t, delta: 0 });
      continue;
    }
    const delta = base === 255 ? 0 : w > 0 ? (down ? 0 : w) : down ? w : 0;
    terms.push({ track: t, delta });
    priority += delta;
  }
  if (base !== 255) priority = Math.min(254, Math.max(1, priority));
  return { fault, priority, terms };
}

function ipValue(i: VrrpInstance): number | undefined {
  const a = i.unicastSrc?.value;
  return a && isIpv4(a) ? a.split(".").reduce((acc, o) => acc * 256 + Number(o), 0) : undefined;
}

/** Highest priority first; on a tie the higher primary address wins (unknown addresses sort last). */
function compareHolders(a: Holder, b: Holder): number {
  return (b.priority ?? -1) - (a.priority ?? -1) || (ipValue(b.instance) ?? -1) - (ipValue(a.instance) ?? -1) || compareText(a.node, b.node);
}

export function holdersOf(cluster: Cluster, failures: Failures = NONE, incumbent?: VrrpInstance): FailoverState {
  const holders: Holder[] = cluster.members.map((i) => {
    const node = memberLabel(i, cluster);
    const base = i.priority.value;
    if (failures.nodeDown(i)) return { instance: i, node, role: "DOWN", base, terms: [], reason: "node down" };
    const raw = rawState(i, failures);
    // A fault in one member of a sync group takes the whole group on that node with it.
    const groupFault = i.syncGroup
      ? i.node.instances.filter((o) => o !== i && o.syncGroup === i.syncGroup).map((o) => rawState(o, failures).fault && `${o.name} in sync group ${i.syncGroup!.name} is in fault`).find(Boolean)
      : undefined;
    const fault = raw.fault ?? groupFault;
    if (fault) return { instance: i, node, role: "FAULT", base, terms: raw.terms, reason: fault };
    return { instance: i, node, role: "BACKUP", base, terms: raw.terms, priority: raw.priority };
  });
  const live = holders.filter((h) => h.priority !== undefined).sort(compareHolders);
  let master = live[0];
  let keptBy: Holder | undefined;
  // A backup with nopreempt does not take over from a running master of lower priority.
  const kept = incumbent && live.find((h) => h.instance === incumbent);
  if (master && kept && kept !== master && holdsBack(master.instance)) {
    kept.reason = `stays MASTER: ${master.node} has nopreempt`;
    keptBy = master;
    master = kept;
  } else if (master && incumbent && master.instance !== incumbent && delaysPreemption(master.instance) && kept) {
    master.reason = `takes over after preempt_delay ${master.instance.preemptDelay!.value}s`;
  }
  if (master) master.role = "MASTER";
  const ordered = [...(master ? [master] : []), ...live.filter((h) => h !== master), ...holders.filter((h) => h.priority === undefined)];
  return { cluster, holders: ordered, master, keptBy };
}

export interface SimulationResult {
  cluster: Cluster;
  before: FailoverState;
  after: FailoverState;
  /** The VIPs changed hands (or have no holder any more). */
  moved: boolean;
}

/** Effect of `failures` on one cluster, starting from the state with everything healthy. */
export function simulate(cluster: Cluster, failures: FailureSpec[]): SimulationResult {
  const before = holdersOf(cluster);
  const after = holdersOf(cluster, new Failures(failures), before.master?.instance);
  return { cluster, before, after, moved: before.master?.instance !== after.master?.instance };
}

/** The arithmetic behind an effective priority, e.g. "150 - 30 = 120". */
export function priorityArithmetic(h: Holder): string {
  const terms = h.terms.filter((t) => t.delta !== 0);
  if (!terms.length) return String(h.priority ?? h.base);
  return `${h.base} ${terms.map((t) => (t.delta < 0 ? `- ${-t.delta}` : `+ ${t.delta}`)).join(" ")} = ${h.priority}`;
}

/** "MASTER on lb-a (150) · backup lb-b (100)" for one state of a cluster. */
export function describe(state: FailoverState): string {
  if (!state.master) return "no MASTER (every member down or in fault)";
  const backups = state.holders.filter((h) => h.role === "BACKUP").map((h) => `backup ${h.node} (${h.priority})`);
  return [`MASTER on ${state.master.node} (${state.master.priority})`, ...backups].join(" · ");
}

/** One line per cluster for code lenses and the topology view. */
export function summary(cluster: Cluster): string {
  const base = holdersOf(cluster);
  const parts = [describe(base)];
  const master = base.master;
  if (master && cluster.members.length > 1) {
    const track = master.instance.tracks.find((t) => t.kind !== "interface") ?? master.instance.tracks[0];
    const item = track ? track.name : undefined;
    const spec = item ? `${master.instance.node.name}:${item}` : master.instance.node.name;
    const result = simulate(cluster, [spec]);
    const after = result.after.master;
    const what = item ? `${item} failing` : `${master.node} down`;
    parts.push(`${what} → ${!after ? "nobody holds the VIPs" : after.instance === master.instance ? `${after.node} stays MASTER` : `${after.node} takes over`}`);
  }
  return parts.join(" · ");
}
