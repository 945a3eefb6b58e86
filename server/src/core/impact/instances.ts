// Node by node: which instances a reload keeps, creates, deletes or re-creates, and what changes
// in the ones it keeps. Instances are paired the way keepalived pairs them (identity.ts); an
// instance whose identity changed but whose name stayed is reported as re-created.
import type { NodeModel, TrackerDefinition, VrrpInstance } from "../model/vrrp";
import { child } from "../model/fields";
import { identityChanges, identityKey } from "./identity";
import { AUTH_PASS_LENGTH } from "../rules/auth-pass-truncated";
import { instanceEntryChanges } from "./routes";

export type InstanceAction = "kept" | "created" | "removed" | "recreated";

export interface InstanceImpact {
  instance: string;
  action: InstanceAction;
  /** What changed, one short phrase each ("priority 100 → 150"). */
  changes: string[];
  before?: VrrpInstance;
  after?: VrrpInstance;
}

export interface InstancePairing {
  impacts: InstanceImpact[];
  /** New instance keepalived takes for each old one (kept instances only). */
  kept: Map<VrrpInstance, VrrpInstance>;
}

function listDiff(what: string, before: string[], after: string[]): string[] {
  const a = new Set(before);
  const b = new Set(after);
  return [...[...b].filter((x) => !a.has(x)).map((x) => `${what} ${x} added`), ...[...a].filter((x) => !b.has(x)).map((x) => `${what} ${x} removed`)];
}

function trackText(i: VrrpInstance): string[] {
  return i.tracks.map((t) => `${t.kind === "interface" ? "track_interface" : `track_${t.kind}`} ${t.name} (weight ${t.weight}${t.reverse ? " reverse" : ""})`);
}

/** The changes in an instance keepalived keeps across the reload. */
export function settingChanges(a: VrrpInstance, b: VrrpInstance): string[] {
  const out: string[] = [];
  const pair = (what: string, x: unknown, y: unknown) => x !== y && out.push(`${what} ${x ?? "(not set)"} → ${y ?? "(not set)"}`);
  if (a.name !== b.name) out.push(`renamed ${a.name} → ${b.name}`);
  pair("priority", a.priority.value, b.priority.value);
  pair("state", a.state?.value, b.state?.value);
  pair("advert_int", a.advertInt.value, b.advertInt.value);
  pair("version", a.version.value, b.version.value);
  pair("auth_type", a.auth?.type?.value, b.auth?.type?.value);
  // Only the first 8 characters travel; the password itself is never printed.
  const pass = (i: VrrpInstance) => i.auth?.pass?.value.slice(0, AUTH_PASS_LENGTH);
  if (pass(a) !== pass(b)) out.push("auth_pass changed");
  out.push(...listDiff("virtual_ipaddress", a.vips.map((v) => v.address), b.vips.map((v) => v.address)));
  out.push(...listDiff("unicast_peer", a.unicastPeers.map((p) => p.address), b.unicastPeers.map((p) => p.address)));
  if (!!a.nopreempt !== !!b.nopreempt) out.push(b.nopreempt ? "nopreempt added" : "nopreempt removed");
  pair("preempt_delay", a.preemptDelay?.value, b.preemptDelay?.value);
  out.push(...listDiff("", trackText(a), trackText(b)).map((s) => s.trim()));
  out.push(...instanceEntryChanges(a, b));
  return out;
}

function scriptCommand(d: TrackerDefinition | undefined): string | undefined {
  const s = d && child(d.statement, "script");
  return s ? s.args.map((a) => a.text).join(" ") + "\u0000" + (child(d!.statement, "user")?.args.map((a) => a.text).join(" ") ?? "") : undefined;
}

/** vrrp_scripts tracked by `after` whose command or user changed: keepalived restarts their state. */
export function changedScripts(before: NodeModel, after: VrrpInstance): string[] {
  const names = new Set(after.tracks.filter((t) => t.kind === "script").map((t) => t.name));
  const old = (n: string) => before.trackers.find((d) => d.kind === "script" && d.name === n);
  const now = (n: string) => after.node.trackers.find((d) => d.kind === "script" && d.name === n);
  return [...names].filter((n) => scriptCommand(old(n)) !== scriptCommand(now(n)));
}

export function pairInstancesOnReload(before: NodeModel | undefined, after: NodeModel | undefined): InstancePairing {
  const impacts: InstanceImpact[] = [];
  const kept = new Map<VrrpInstance, VrrpInstance>();
  const olds = before?.instances ?? [];
  const news = after?.instances ?? [];
  const taken = new Set<VrrpInstance>();
  for (const o of olds) {
    const n = news.find((x) => !taken.has(x) && identityKey(x) === identityKey(o));
    if (!n) continue;
    taken.add(n);
    kept.set(o, n);
  }
  for (const o of olds) {
    const n = kept.get(o);
    if (n) {
      const changes = settingChanges(o, n);
      const scripts = before ? changedScripts(before, n) : [];
      for (const s of scripts) changes.push(`vrrp_script ${s} command changed`);
      impacts.push({ instance: n.name, action: "kept", changes, before: o, after: n });
      continue;
    }
    const sameName = news.find((x) => !taken.has(x) && x.name === o.name);
    if (sameName) {
      taken.add(sameName);
      impacts.push({ instance: o.name, action: "recreated", changes: identityChanges(o, sameName), before: o, after: sameName });
    } else impacts.push({ instance: o.name, action: "removed", changes: [], before: o });
  }
  for (const n of news) if (!taken.has(n)) impacts.push({ instance: n.name, action: "created", changes: [], after: n });
  return { impacts, kept };
}
