// What the cluster analysis says about one vrrp_instance, for hover and code lenses.
import type { Workspace } from "../core/check/workspace";
import type { Cluster } from "../core/cluster/cluster";
import type { VrrpInstance } from "../core/model/vrrp";
import { memberLabel } from "../core/cluster/cluster";
import { priorityArithmetic } from "../core/cluster/failover";

export interface InstanceInCluster {
  instance: VrrpInstance;
  cluster: Cluster;
}

/** The instances written in this file, with their clusters. */
export function instancesIn(workspace: Workspace, file: string): InstanceInCluster[] {
  const view = workspace.clusters();
  const out: InstanceInCluster[] = [];
  const seen = new Set<string>();
  for (const m of view.models)
    for (const i of m.instances) {
      if (i.statement.file !== file) continue;
      const cluster = view.clusterOf(i);
      const key = `${i.statement.range.start.line}\u0000${i.name}`;
      // A file read by several nodes (an include, @id variants) shows each instance once.
      if (!cluster || seen.has(key)) continue;
      seen.add(key);
      out.push({ instance: i, cluster });
    }
  return out;
}

/** Markdown for hovering inside an instance: a short cluster section (role, effective priority, VIP holder). */
export function instanceHover(workspace: Workspace, file: string, line: number): string | undefined {
  const found = instancesIn(workspace, file).find((x) => x.instance.statement.range.start.line <= line && line <= x.instance.statement.range.end.line);
  if (!found) return undefined;
  const view = workspace.clusters();
  const state = view.failover(found.cluster);
  const me = state.holders.find((h) => h.instance === found.instance);
  const size = found.cluster.members.length;
  const lines = [`**Cluster** — \`${found.instance.name}\` on ${found.instance.node.name}${size > 1 ? `, ${me?.role ?? "member"} of ${size} nodes` : ""}`];
  if (me) lines.push(me.priority !== undefined ? `Effective priority: ${priorityArithmetic(me)} → ${me.role}` : `${me.role}${me.reason ? `: ${me.reason}` : ""}`);
  if (size <= 1) lines.push("No peer found in the workspace for this instance.");
  if (state.master && found.instance.vips.length) lines.push(`VIPs ${found.instance.vips.map((v) => `\`${v.address}\``).join(", ")} held by ${memberLabel(state.master.instance, found.cluster)}`);
  return lines.join("\n\n");
}
