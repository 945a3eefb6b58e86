// What a configuration change does when it is rolled out: per node, the instances a reload keeps,
// creates, deletes or re-creates, and whether a reload is enough; per cluster, whether and where
// the VIPs move, which changes the members must receive together, and the order that is safe.
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import type { ClusterView } from "../cluster/analysis";
import type { Cluster } from "../cluster/cluster";
import { holdersOf } from "../cluster/failover";
import { InstanceImpact, pairInstancesOnReload, settingChanges } from "./instances";
import { RestartSetting, restartSettings } from "./restart";
import { bestPlan, candidateOrders, hearingGroups, RolloutPlan, RolloutSlot, walk } from "./rollout";
import { AUTH_PASS_LENGTH } from "../rules/auth-pass-truncated";
import { SyncGroupImpact, syncGroupsOnReload } from "./syncGroups";
import { entryKinds, staticChanges } from "./routes";

export type Apply = "none" | "reload" | "start" | "stop" | "restart";

export interface NodeImpact {
  /** Stable across the two sides: the root file's path relative to its side. */
  key: string;
  node: string;
  status: "added" | "removed" | "changed" | "unchanged";
  /** "reload" (SIGHUP) is enough, "restart" is needed, "start"/"stop" for a node added/removed, or "none". */
  apply: Apply;
  restart: RestartSetting[];
  instances: InstanceImpact[];
  /** The node's vrrp_sync_groups, paired by name as keepalived pairs them. */
  syncGroups: SyncGroupImpact[];
  /** Changes outside the instances and groups (static_ipaddress, static_routes, static_rules). */
  changes: string[];
  /** Facts worth knowing about applying it, one sentence each. */
  notes: string[];
}

export type CoordinatedSetting = "virtual_router_id" | "authentication" | "version" | "advert_int" | "unicast_peer" | "virtual_ipaddress";

export interface Coordination {
  setting: CoordinatedSetting;
  /** "two-masters": updated and not-yet-updated members stop hearing each other.
   *  "vip-set": they serve different VIP sets until the master is reloaded. */
  hazard: "two-masters" | "vip-set";
  message: string;
}

export interface ClusterImpact {
  name: string;
  nodes: string[];
  status: "added" | "removed" | "changed" | "unchanged";
  vipsAdded: string[];
  vipsRemoved: string[];
  masterBefore: string[];
  masterAfter: string[];
  /** The VIPs end up on another node (or nowhere) once every node has the change. */
  moves: boolean;
  explanation: string;
  coordination: Coordination[];
  plans: RolloutPlan[];
  recommended?: RolloutPlan;
  /** The advice in one sentence. */
  advice: string;
}

export interface ImpactReport {
  nodes: NodeImpact[];
  clusters: ClusterImpact[];
  /** The strongest action any node needs. */
  apply: Apply;
}

export interface ImpactSide {
  view: ClusterView;
  /** A key that names the same node on both sides (e.g. the root's path relative to the side). */
  keyOf(model: NodeModel): string;
}

const STRENGTH: Record<Apply, number> = { none: 0, reload: 1, start: 2, stop: 2, restart: 3 };

function vipSet(i: VrrpInstance | undefined): string[] {
  return i ? i.vips.map((v) => v.address) : [];
}

/** The settings peers must agree on that this change alters, with the hazard during the rollout. */
function coordinationOf(slots: RolloutSlot[]): Coordination[] {
  const pairs = slots.filter((s) => s.before && s.after) as Required<Pick<RolloutSlot, "before" | "after">>[];
  const out: Coordination[] = [];
  const changed = (get: (i: VrrpInstance) => string) => pairs.some((p) => get(p.before) !== get(p.after));
  const split = (setting: CoordinatedSetting, message: string) => out.push({ setting, hazard: "two-masters", message });
  if (changed((i) => String(i.vrid?.value))) split("virtual_router_id", "a member on the new virtual_router_id and one on the old are two virtual routers: both become MASTER");
  if (changed((i) => `${i.auth?.type?.value}:${i.auth?.pass?.value.slice(0, AUTH_PASS_LENGTH)}`))
    split("authentication", "VRRPv2 members drop adverts whose authentication differs from theirs: old and new members each elect a MASTER");
  if (changed((i) => String(i.version.value))) split("version", "VRRPv2 and VRRPv3 members ignore each other's adverts: both sides become MASTER");
  if (changed((i) => String(i.advertInt.value)) && pairs.some((p) => p.before.version.value === 2))
    split("advert_int", "VRRPv2 drops adverts sent at another interval: old and new members each elect a MASTER");
  if (changed((i) => [i.unicastSrc?.value ?? "", ...i.unicastPeers.map((p) => p.address).sort()].join(",")))
    split("unicast_peer", "a unicast member takes adverts only from the addresses in its unicast_peer list: until every list names every member, some members do not hear each other");
  if (changed((i) => vipSet(i).sort().join(",")))
    out.push({ setting: "virtual_ipaddress", hazard: "vip-set", message: "the VIP set in service is the master's: added VIPs come up, and removed ones go, when the MASTER is reloaded; a failover in between serves the other set" });
  return out;
}

function clusterName(members: VrrpInstance[]): string {
  return [...new Set(members.map((m) => m.name))].join("/") + ` (vrid ${[...new Set(members.map((m) => m.vrid?.value ?? "?"))].join("/")})`;
}

function mastersOf(members: VrrpInstance[], label: (i: VrrpInstance) => string): string[] {
  return hearingGroups(members)
    .map((g) => holdersOf({ id: "", members: g, evidence: [] }).master?.instance)
    .filter((m): m is VrrpInstance => !!m)
    .map(label);
}

function explain(c: Omit<ClusterImpact, "explanation" | "advice">, slots: RolloutSlot[]): string {
  const parts: string[] = [];
  const before = c.masterBefore.join(" and ") || "nobody";
  const after = c.masterAfter.join(" and ") || "nobody";
  if (c.status === "removed") parts.push(`the virtual router is removed: ${before} releases its VIPs`);
  else if (c.status === "added") parts.push(`a new virtual router: ${after} takes its VIPs`);
  else if (c.masterBefore.length > 1 && c.masterAfter.length === 1) parts.push(`two masters before (${before}: they do not hear each other); after the change ${after} alone holds the VIPs`);
  else if (c.masterAfter.length > 1) parts.push(`TWO MASTERS after the change (${after}: they do not hear each other)`);
  else if (c.moves) {
    const a = slots.find((s) => s.after && c.masterAfter.includes(s.node))?.after;
    const b = slots.find((s) => s.before && c.masterBefore.includes(s.node))?.before;
    const why = a && b ? ` (${c.masterAfter[0]} priority ${a.priority.value}${a.nopreempt ? "" : " and preempts"}, ${c.masterBefore[0]} ${slots.find((s) => s.before === b)?.after?.priority.value ?? "gone"})` : "";
    parts.push(`the VIPs move from ${before} to ${after}${why}`);
  } else parts.push(`the VIPs stay on ${after}`);
  if (c.vipsAdded.length) parts.push(`VIPs added: ${c.vipsAdded.join(", ")}`);
  if (c.vipsRemoved.length) parts.push(`VIPs removed: ${c.vipsRemoved.join(", ")}`);
  return parts.join("; ");
}

function advise(c: Omit<ClusterImpact, "advice">): string {
  if (c.status === "unchanged") return "nothing to coordinate";
  const plan = c.recommended;
  if (!plan) return c.status === "removed" ? "reload the nodes in any order" : "reload the nodes in any order";
  const order = plan.order.join(", then ");
  if (plan.splits === 0) return plan.order.length === 1 ? `only ${order} changes: reload it` : `safe order (${plan.name}): ${order}`;
  const backups = plan.order.filter((n) => !c.masterBefore.includes(n));
  return (
    `every order leaves two masters for a moment (${c.coordination.filter((x) => x.hazard === "two-masters").map((x) => x.setting).join(", ")}): ` +
    `apply on all nodes at the same time, or stop keepalived on ${backups.join(", ") || "the backups"}, reload ${c.masterBefore.join(", ") || "the master"}, then start ${backups.join(", ") || "the backups"}`
  );
}

export function changeImpact(before: ImpactSide, after: ImpactSide): ImpactReport {
  const oldByKey = new Map(before.view.models.map((m) => [before.keyOf(m), m]));
  const newByKey = new Map(after.view.models.map((m) => [after.keyOf(m), m]));
  const keys = [...new Set([...oldByKey.keys(), ...newByKey.keys()])].sort();
  const nodes: NodeImpact[] = [];
  /** For each old instance, its new counterpart (kept or re-created), and whether keepalived keeps it. */
  const counterpart = new Map<VrrpInstance, { after: VrrpInstance; kept: boolean }>();
  const oldMasters = new Set(before.view.clusters.flatMap((c) => hearingGroups(c.members).map((g) => holdersOf({ id: "", members: g, evidence: [] }).master?.instance)).filter((i): i is VrrpInstance => !!i));
  /** New-side instances whose sync group makes them give up their VIPs at the reload. */
  const released = new Set<VrrpInstance>();
  for (const key of keys) {
    const o = oldByKey.get(key);
    const n = newByKey.get(key);
    const { impacts } = pairInstancesOnReload(o, n);
    for (const i of impacts) if (i.before && i.after) counterpart.set(i.before, { after: i.after, kept: i.action === "kept" });
    const restart = restartSettings(o, n);
    // A kept instance comes back in its old state; a created or re-created one from its initial state.
    const keptFrom = new Map(impacts.filter((i) => i.action === "kept" && i.before && i.after).map((i) => [i.after!, i.before!]));
    const wasMaster = (i: VrrpInstance) => oldMasters.has(keptFrom.get(i)!);
    const groups = o && n ? syncGroupsOnReload(o, n, wasMaster) : { groups: syncGroupsOnReload(o, n, () => false).groups, notes: [], released: [] };
    groups.released.forEach((i) => released.add(i));
    const statics = staticChanges(o, n);
    const touched =
      impacts.some((i) => i.action !== "kept" || i.changes.length) || restart.length > 0 || statics.length > 0 || groups.groups.some((g) => g.action !== "kept" || g.changes.length);
    // The two sides may live in different folders: compare the texts, not the paths.
    const texts = (m: NodeModel) => [...m.texts.values()].sort().join("\u0000");
    const textChanged = !!o && !!n && texts(o) !== texts(n);
    const status: NodeImpact["status"] = !o ? "added" : !n ? "removed" : touched || textChanged ? "changed" : "unchanged";
    const notes: string[] = [];
    if (restart.length)
      notes.push(`keepalived cannot change ${restart.map((r) => r.keyword).join(", ")} on a reload: it logs "please restart" and keeps running the old configuration (keepalived/core/main.c reload_config)`);
    for (const i of impacts) {
      if (i.action === "kept" && i.changes.some((c) => c.startsWith("state ")))
        notes.push(`${i.instance}: a reload keeps the running state; the new state only counts at the next start (vrrp.c vrrp_complete_init)`);
      if (i.action === "kept" && i.changes.some((c) => c.startsWith("renamed ")))
        notes.push(`${i.instance}: keepalived matches instances by VRID and interface, not by name: the renamed instance keeps its state`);
      if (i.action === "kept" && i.changes.some((c) => c.startsWith("vrrp_script ")))
        notes.push(`${i.instance}: a vrrp_script whose command changed starts over; the instance waits for its first result before it may stay MASTER (vrrp.c clear_diff_script)`);
      const kinds = i.action === "kept" ? entryKinds(i.changes) : [];
      if (kinds.length && wasMaster(i.after!))
        notes.push(`${i.instance}: MASTER here, so the reload deletes the ${kinds.join(", ")} entries no longer configured and installs the new ones at once (vrrp.c clear_diff_vrrp, vrrp_iproute.c clear_diff_routes, vrrp_iprule.c clear_diff_rules)`);
      else if (kinds.length) notes.push(`${i.instance}: not MASTER here: its ${kinds.join(", ")} are installed only when it becomes MASTER (vrrp.c clear_diff_vrrp acts on a MASTER only)`);
      if (i.action === "recreated") notes.push(`${i.instance}: ${i.changes.join(", ")} makes it another virtual router for keepalived: the running one is deleted (its VIPs released if MASTER) and the new one starts from its initial state`);
    }
    notes.push(...groups.notes);
    if (statics.length)
      notes.push("static addresses, routes and rules are set whatever the VRRP state: the reload deletes the ones no longer configured and adds the new ones on this node (vrrp_daemon.c start_vrrp, clear_diff_static_*)");
    if (status === "added") notes.push("a new node: start keepalived there");
    if (status === "removed") notes.push("the node is gone from the configuration: stop keepalived there");
    const apply: Apply = status === "unchanged" ? "none" : status === "added" ? "start" : status === "removed" ? "stop" : restart.length ? "restart" : "reload";
    nodes.push({ key, node: (n ?? o)!.name, status, apply, restart, instances: impacts, syncGroups: groups.groups, changes: statics, notes });
  }

  const keyOfInstance = (i: VrrpInstance, side: ImpactSide) => side.keyOf(i.node);
  const clusters: ClusterImpact[] = [];
  const oldClusterOf = (i: VrrpInstance) => before.view.clusterOf(i);
  const usedOld = new Set<Cluster>();
  const build = (oldCluster: Cluster | undefined, newCluster: Cluster | undefined) => {
    const slots: RolloutSlot[] = [];
    const slotOf = (key: string, label: string) => {
      let s = slots.find((x) => x.node === label);
      if (!s) slots.push((s = { node: label, kept: false }));
      return s;
    };
    const label = (i: VrrpInstance, side: ImpactSide) => {
      const sameNode = [...(oldCluster?.members ?? []), ...(newCluster?.members ?? [])].filter((m) => (side === before ? before : after).keyOf(m.node) === keyOfInstance(i, side));
      return i.node.name + (sameNode.length > 2 ? `/${i.name}` : "");
    };
    for (const m of oldCluster?.members ?? []) {
      const s = slotOf(keyOfInstance(m, before), label(m, before));
      s.before = m;
      const c = counterpart.get(m);
      if (c && newCluster?.members.includes(c.after)) (s.after = c.after), (s.kept = c.kept);
    }
    for (const m of newCluster?.members ?? []) {
      if (slots.some((s) => s.after === m)) continue;
      slotOf(keyOfInstance(m, after), label(m, after)).after = m;
    }
    for (const s of slots) s.changed = !s.kept || !s.before || !s.after || settingChanges(s.before, s.after).length > 0 || released.has(s.after);
    const nameOf = (i: VrrpInstance) => slots.find((s) => s.before === i || s.after === i)!.node;
    const olds = slots.map((s) => s.before).filter((i): i is VrrpInstance => !!i);
    const news = slots.map((s) => s.after).filter((i): i is VrrpInstance => !!i);
    const changed = slots.some((s) => s.changed);
    const status: ClusterImpact["status"] = !olds.length ? "added" : !news.length ? "removed" : changed ? "changed" : "unchanged";
    const plans = status === "unchanged" || status === "removed" ? [] : candidateOrders(slots).map((o) => walk(o.name, slots, o.order));
    const recommended = plans.length ? bestPlan(plans) : undefined;
    const oldVips = new Set(olds.flatMap(vipSet));
    const newVips = new Set(news.flatMap(vipSet));
    const masterBefore = mastersOf(olds, nameOf);
    const masterAfter = recommended ? recommended.steps[recommended.steps.length - 1]?.masters ?? mastersOf(news, nameOf) : mastersOf(news, nameOf);
    const base = {
      name: clusterName(news.length ? news : olds),
      nodes: slots.map((s) => s.node),
      status,
      vipsAdded: [...newVips].filter((v) => !oldVips.has(v)),
      vipsRemoved: [...oldVips].filter((v) => !newVips.has(v)),
      masterBefore,
      masterAfter,
      moves: masterBefore.join() !== masterAfter.join(),
      coordination: coordinationOf(slots),
      plans,
      recommended,
    };
    const givenUp = news.filter((i) => released.has(i)).map(nameOf);
    const many = givenUp.length > 1;
    const groupNote = givenUp.length
      ? `; but at the reload ${givenUp.join(", ")} ${many ? "give" : "gives"} them up: ${many ? "their" : "its"} new sync group starts as BACKUP and takes them back only when all its members can be MASTER there (see the node)`
      : "";
    const withText = { ...base, explanation: explain(base, slots) + groupNote };
    clusters.push({ ...withText, advice: advise(withText) });
  };
  for (const nc of after.view.clusters) {
    const linked = nc.members.map((m) => [...counterpart].find(([, c]) => c.after === m)?.[0]).filter((i): i is VrrpInstance => !!i);
    const oc = linked.map(oldClusterOf).find((c) => c && !usedOld.has(c));
    if (oc) usedOld.add(oc);
    build(oc, nc);
  }
  for (const oc of before.view.clusters) if (!usedOld.has(oc)) build(oc, undefined);
  const apply = nodes.reduce<Apply>((a, n) => (STRENGTH[n.apply] > STRENGTH[a] ? n.apply : a), "none");
  return { nodes, clusters, apply };
}
