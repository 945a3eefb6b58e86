// keepalived-lint simulate: who holds each cluster's VIPs before and after some failures.
import { parseArgs, UsageError } from "./args";
import { buildWorkspace } from "./buildWorkspace";
import type { Cluster } from "../core/cluster/cluster";
import type { FailoverState, Holder, SimulationResult } from "../core/cluster/failover";
import type { NodeModel } from "../core/model/vrrp";

export const SIMULATE_USAGE = "keepalived-lint simulate --fail NODE|SCRIPT|IFACE|NODE:ITEM... [--format text|json] [--include-root DIR]... PATH...";

/** Every name a failure may use: nodes, tracked items and interfaces, bare or as node:item. */
function knownNames(models: NodeModel[]): Set<string> {
  const names = new Set<string>();
  for (const m of models) {
    names.add(m.name);
    names.add(m.id);
    for (const i of m.instances) {
      const items = [...i.tracks.map((t) => t.name), ...(i.interface ? [i.interface.value] : [])];
      for (const item of items) names.add(item), names.add(`${m.name}:${item}`);
    }
  }
  return names;
}

function vipsOf(c: Cluster): string[] {
  return [...new Set(c.members.flatMap((m) => m.vips.map((v) => v.address)))];
}

function holderText(h: Holder): string {
  const role = h.role === "MASTER" ? "MASTER" : h.role.toLowerCase();
  return h.priority !== undefined ? `${role} ${h.node} (${h.priority})${h.reason ? ` [${h.reason}]` : ""}` : `${role} ${h.node} (${h.reason})`;
}

function stateText(s: FailoverState): string {
  return s.holders.map(holderText).join(" · ");
}

function clusterTitle(c: Cluster): string {
  const names = [...new Set(c.members.map((m) => m.name))].join("/");
  const vrids = [...new Set(c.members.map((m) => m.vrid?.value ?? "?"))].join("/");
  return `${names} (vrid ${vrids}) on ${c.members.map((m) => m.node.name).join(", ")}`;
}

function toText(results: SimulationResult[], failures: string[]): string {
  const lines = [`failures: ${failures.join(", ")}`, ""];
  for (const r of results) {
    lines.push(clusterTitle(r.cluster));
    lines.push(`  VIPs:   ${vipsOf(r.cluster).join(", ") || "(none)"}`);
    lines.push(`  before: ${stateText(r.before)}`);
    lines.push(`  after:  ${stateText(r.after)}`);
    const from = r.before.master?.node ?? "nobody";
    const to = r.after.master?.node ?? "nobody";
    lines.push(`  ${r.moved ? `VIPs move: ${from} → ${to}` : `VIPs stay on ${to}`}`, "");
  }
  return lines.join("\n");
}

function stateJson(s: FailoverState) {
  return {
    master: s.master?.node ?? null,
    holders: s.holders.map((h) => ({ node: h.node, instance: h.instance.name, role: h.role, priority: h.priority ?? null, reason: h.reason ?? null })),
  };
}

function toJson(results: SimulationResult[], failures: string[]): string {
  const clusters = results.map((r) => ({
    instances: [...new Set(r.cluster.members.map((m) => m.name))],
    nodes: r.cluster.members.map((m) => m.node.name),
    vips: vipsOf(r.cluster),
    before: stateJson(r.before),
    after: stateJson(r.after),
    moved: r.moved,
  }));
  return JSON.stringify({ version: 1, failures, clusters }, null, 2) + "\n";
}

export function runSimulate(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, ["fail", "format", "include-root"], []);
  const failures = args.options.get("fail") ?? [];
  if (!failures.length) throw new UsageError("simulate needs at least one --fail");
  const format = args.options.get("format")?.[0] ?? "text";
  if (!["text", "json"].includes(format)) throw new UsageError(`unknown format '${format}' (text or json)`);
  const view = buildWorkspace(args).clusters();
  const known = knownNames(view.models);
  const unknown = failures.filter((f) => !known.has(f));
  if (unknown.length) throw new UsageError(`--fail ${unknown.join(", ")}: no node, tracked script or interface of that name`);
  const results = view.simulate(failures).filter((r) => r.cluster.members.length > 0);
  out(format === "json" ? toJson(results, failures) : toText(results, failures));
  return 0;
}
