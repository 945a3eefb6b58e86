// keepalived/fileStatus: one line for the status bar — the role this file's instances play in their
// clusters and how many cross-file problems those clusters have.
import type { WorkspaceIndex } from "./workspaceIndex";
import type { FileStatusInstance, FileStatusParams, FileStatusResult } from "../protocol";
import { instancesIn } from "./clusterInfo";
import { uriToPath } from "./uris";

export function fileStatus(index: WorkspaceIndex, params: FileStatusParams): FileStatusResult {
  const file = uriToPath(params.uri);
  const view = index.workspace.clusters();
  const found = instancesIn(index.workspace, file);
  const instances: FileStatusInstance[] = found.map(({ instance, cluster }) => {
    const me = view.failover(cluster).holders.find((h) => h.instance === instance);
    return { name: instance.name, role: me?.role ?? "BACKUP", nodes: new Set(cluster.members.map((m) => m.node.id)).size, priority: me?.priority };
  });
  const clusterFiles = new Set(found.flatMap(({ cluster }) => cluster.members.map((m) => m.statement.file)));
  const overrides = index.settings.severityOverrides;
  const problems = view.diagnostics.filter((d) => {
    if (!clusterFiles.has(d.file) || overrides[d.code] === "off") return false;
    const severity = overrides[d.code] ?? d.severity;
    return severity === "error" || severity === "warning";
  });
  // A mismatch is reported on each member, pointing at the others: count it once.
  const places = (d: (typeof problems)[number]) => [`${d.file}:${d.range.start.line}`, ...(d.related ?? []).map((r) => `${r.file}:${r.range.start.line}`)].sort().join("|");
  const clusterProblems = new Set(problems.map((d) => `${d.code}\u0000${places(d)}`)).size;
  if (!instances.length) return { instances, clusterProblems: 0, text: "", tooltip: "" };
  const roles = [...new Set(instances.map((i) => i.role))];
  const most = Math.max(...instances.map((i) => i.nodes));
  const role = roles.length === 1 ? `${roles[0]} of ${most} node${most === 1 ? "" : "s"}` : roles.map((r) => `${r} ${instances.filter((i) => i.role === r).length}`).join(", ");
  const text = `${role} · ${clusterProblems} cluster problem${clusterProblems === 1 ? "" : "s"}`;
  const tooltip = [
    ...instances.map((i) => `${i.name}: ${i.role}${i.priority !== undefined ? ` (priority ${i.priority})` : ""}, ${i.nodes} node${i.nodes === 1 ? "" : "s"} in its cluster`),
    `${clusterProblems} cross-file problem${clusterProblems === 1 ? "" : "s"} (errors and warnings) in these clusters`,
    "Click to show the failover topology",
  ].join("\n");
  return { instances, clusterProblems, text, tooltip };
}
