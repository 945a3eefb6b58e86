// A one-line summary of each vrrp_instance's cluster above its keyword; clicking opens the topology.
import { CodeLens, CodeLensParams } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { instancesIn } from "./clusterInfo";
import { uriToPath } from "./uris";

export const SHOW_TOPOLOGY_COMMAND = "keepalived.showTopology";

export function codeLenses(index: WorkspaceIndex, params: CodeLensParams): CodeLens[] {
  const file = uriToPath(params.textDocument.uri);
  const view = index.workspace.clusters();
  const diagnostics = index.workspace.diagnostics();
  return instancesIn(index.workspace, file).map(({ instance, cluster }) => {
    const ineffective = diagnostics.find((d) => d.code === "track-weight-ineffective" && cluster.members.some((m) => m.statement.file === d.file && d.range.start.line >= m.statement.range.start.line && d.range.start.line <= m.statement.range.end.line));
    const title = cluster.members.length < 2 ? `${instance.node.name}: no peer in the workspace` : `${ineffective ? "⚠ a tracked failure would not move the VIP · " : ""}${view.summary(cluster)}`;
    const range = { start: instance.statement.keyword.range.start, end: instance.statement.keyword.range.end };
    return { range, command: { title, command: SHOW_TOPOLOGY_COMMAND, arguments: [params.textDocument.uri, cluster.id] } };
  });
}
