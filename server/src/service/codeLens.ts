// A one-line summary of each vrrp_instance's cluster above its keyword; clicking opens the topology.
import { CodeLens, CodeLensParams } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { instancesIn } from "./clusterInfo";
import { uriToPath } from "./uris";
import { DiagnosticsInBlocks } from "../core/topology/mismatches";

export const SHOW_TOPOLOGY_COMMAND = "keepalived.showTopology";

export function codeLenses(index: WorkspaceIndex, params: CodeLensParams): CodeLens[] {
  const file = uriToPath(params.textDocument.uri);
  const view = index.workspace.clusters();
  // Indexed once, not searched per instance: 6,000 instances in 1 MB took 100 s (docs/decisions/bounds.md).
  const ineffective = new DiagnosticsInBlocks(index.workspace.diagnostics().filter((d) => d.code === "track-weight-ineffective"));
  return instancesIn(index.workspace, file).map(({ instance, cluster }) => {
    const title = cluster.members.length < 2 ? `${instance.node.name}: no peer in the workspace` : `${ineffective.of(cluster.members.map((m) => m.statement)).length ? "⚠ a tracked failure would not move the VIP · " : ""}${view.summary(cluster)}`;
    const range = { start: instance.statement.keyword.range.start, end: instance.statement.keyword.range.end };
    return { range, command: { title, command: SHOW_TOPOLOGY_COMMAND, arguments: [params.textDocument.uri, cluster.id] } };
  });
}
