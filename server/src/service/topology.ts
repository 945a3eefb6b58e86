// keepalived/topology: the picture for the webview, drawn here so the page runs no layout code.
import * as path from "path";
import type { WorkspaceIndex } from "./workspaceIndex";
import type { TopologyParams, TopologyResult } from "../protocol";
import { workspaceTopology } from "../core/topology/model";
import { toDot } from "../core/topology/dot";
import { toMermaid } from "../core/topology/mermaid";
import { renderSvg } from "../core/topology/svg";
import { forDrawing } from "../core/topology/drawLimit";
import { uriToPath } from "./uris";

export async function topology(index: WorkspaceIndex, params: TopologyParams): Promise<TopologyResult> {
  const file = params.uri ? uriToPath(params.uri) : undefined;
  let t = workspaceTopology(index.workspace, { failures: params.failures, file });
  // A file with no vrrp_instance (e.g. LVS only, or a script include): show the whole workspace.
  if (file && !t.clusters.length && !t.virtualServers.length) t = workspaceTopology(index.workspace, { failures: params.failures });
  const drawn = forDrawing(t);
  const title = (file ? `Failover topology: ${path.basename(path.dirname(file))}/${path.basename(file)}` : "Failover topology: whole workspace") + (drawn.omitted ? ` (first ${drawn.topology.clusters.length} of ${t.clusters.length} clusters drawn)` : "");
  // The page finds clusters and nodes by their index in the picture: it gets the drawn part.
  return { title, topology: drawn.topology, svg: await renderSvg(drawn.topology), dot: toDot(drawn.topology), mermaid: toMermaid(drawn.topology) };
}
