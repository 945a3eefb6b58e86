// What a reload does with a node's vrrp_sync_groups. keepalived pairs old and new groups by name only
// (keepalived/vrrp/vrrp.c set_previous_sync_group_states), and a group's state after the reload comes
// from its members, not from the old group: it starts as BACKUP (vrrp_sync.c vrrp_sync_set_group)
// and is made MASTER only when every member came back MASTER (vrrp.c vrrp_complete_init, "see if any
// sync groups should be master"). A member that was MASTER in a group that is not then gives its VIPs
// up (vrrp_scheduler.c vrrp_init_state restores the interface and enters BACKUP), and the group goes
// MASTER again only when every member wants to (vrrp_sync.c vrrp_sync_can_goto_master).
import type { NodeModel, SyncGroup, VrrpInstance } from "../model/vrrp";
import { child } from "../model/fields";

export type SyncGroupAction = "kept" | "created" | "removed";

export interface SyncGroupImpact {
  group: string;
  action: SyncGroupAction;
  /** The members keepalived takes (on the new side; the old side for a removed group). */
  members: string[];
  changes: string[];
}

export interface SyncGroupReport {
  groups: SyncGroupImpact[];
  notes: string[];
  /** New-side instances that give their VIPs up at the reload because their group starts as BACKUP. */
  released: VrrpInstance[];
}

const NOTIFY = ["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop"];

/** The members keepalived keeps: existing instances, each in the first group that names it. */
function effectiveMembers(m: NodeModel | undefined): Map<SyncGroup, string[]> {
  const out = new Map<SyncGroup, string[]>();
  const names = new Set(m?.instances.map((i) => i.name));
  const taken = new Set<string>();
  for (const g of m?.syncGroups ?? []) {
    const members = [...new Set(g.members.map((w) => w.text))].filter((n) => names.has(n) && !taken.has(n));
    members.forEach((n) => taken.add(n));
    // A group left with no member is removed by keepalived (vrrp.c vrrp_complete_init).
    if (members.length) out.set(g, members);
  }
  return out;
}

function listDiff(what: string, a: string[], b: string[]): string[] {
  return [...b.filter((x) => !a.includes(x)).map((x) => `${what} ${x} added`), ...a.filter((x) => !b.includes(x)).map((x) => `${what} ${x} removed`)];
}

function words(g: SyncGroup, keyword: string): string {
  return child(g.statement, keyword)?.args.map((a) => a.text).join(" ") ?? "";
}

function groupChanges(a: SyncGroup, am: string[], b: SyncGroup, bm: string[]): string[] {
  const out = listDiff("member", am, bm);
  const track = (g: SyncGroup) => g.tracks.map((t) => `track_${t.kind} ${t.name}`);
  out.push(...listDiff("", track(a), track(b)).map((s) => s.trim()));
  if (a.keepsMemberWeights !== b.keepsMemberWeights) out.push(b.keepsMemberWeights ? "sync_group_tracking_weight added" : "sync_group_tracking_weight removed");
  for (const k of NOTIFY) if (words(a, k) !== words(b, k)) out.push(`${k} changed`);
  return out;
}

/**
 * @param wasMaster whether this new-side instance comes back MASTER from the reload: it is kept and
 *   its old self was MASTER (a created or re-created instance starts from its initial state).
 */
export function syncGroupsOnReload(before: NodeModel | undefined, after: NodeModel | undefined, wasMaster: (i: VrrpInstance) => boolean): SyncGroupReport {
  const olds = effectiveMembers(before);
  const news = effectiveMembers(after);
  const oldByName = new Map([...olds].map(([g, m]) => [g.name, { g, m }]));
  const newNames = new Set([...news.keys()].map((g) => g.name));
  const groups: SyncGroupImpact[] = [];
  const notes: string[] = [];
  const released: VrrpInstance[] = [];
  const sameSet = (x: string[], y: string[]) => x.length === y.length && x.every((n) => y.includes(n));
  for (const [g, members] of news) {
    const old = oldByName.get(g.name);
    const changes = old ? groupChanges(old.g, old.m, g, members) : [];
    groups.push({ group: g.name, action: old ? "kept" : "created", members, changes });
    if (old && sameSet(old.m, members)) continue;
    const renamedFrom = old ? undefined : [...olds].find(([o, m]) => !newNames.has(o.name) && sameSet(m, members))?.[0];
    if (renamedFrom) {
      notes.push(`sync group ${g.name}: keepalived matches sync groups by name, so the group renamed from ${renamedFrom.name} is a new one: its notify scripts run again at the reload when it is BACKUP or FAULT (vrrp_scheduler.c vrrp_init_state)`);
      continue;
    }
    // New membership: what each member comes back as decides the group's state.
    const instances = members.map((n) => after!.instances.find((i) => i.name === n)!);
    const masters = instances.filter(wasMaster);
    const others = instances.filter((i) => !wasMaster(i));
    if (masters.length && others.length) {
      released.push(...masters);
      notes.push(
        `sync group ${g.name}: ${names(masters)} ${masters.length > 1 ? "were" : "was"} MASTER here, ${names(others)} not: the group starts as BACKUP after the reload (vrrp.c vrrp_complete_init makes it MASTER only when every member comes back MASTER), so ${names(masters)} ${masters.length > 1 ? "give" : "gives"} up ${masters.length > 1 ? "their" : "its"} VIPs here, and the group goes MASTER only where every member can (vrrp_sync.c vrrp_sync_can_goto_master)`,
      );
    } else if (masters.length) notes.push(`sync group ${g.name}: every member was MASTER here, so the group is MASTER after the reload (vrrp.c vrrp_complete_init)`);
    else notes.push(`sync group ${g.name}: no member was MASTER here: the group starts as BACKUP and its members go MASTER together, only when all of them can (vrrp_sync.c vrrp_sync_can_goto_master)`);
  }
  for (const [g, members] of olds) {
    if (newNames.has(g.name)) continue;
    groups.push({ group: g.name, action: "removed", members, changes: [] });
    const left = members.filter((n) => after?.instances.some((i) => i.name === n));
    const renamed = [...news].some(([ng, m]) => !oldByName.has(ng.name) && sameSet(m, members));
    if (left.length && !renamed) notes.push(`sync group ${g.name} removed: ${left.join(", ")} keep their states and from now on fail over each on its own`);
  }
  return { groups, notes, released };
}

function names(list: VrrpInstance[]): string {
  return list.map((i) => i.name).join(", ");
}
