// keepalived/topology: the picture for the webview, drawn here so the page runs no layout code.
import * as path from "path";
import type { WorkspaceIndex } from "./workspaceIndex";
import type { TopologyParams, TopologyResult } from "../protocol";
import { workspaceTopology } from "../core/topology/model";
import { toDot } from "../core/topology/dot";
import { toMermaid } from "../core/topology/mermaid";
import { renderSvg } from "../core/topology/svg";
import { forDrawing, MAX_DRAWN_CLUSTERS, omittedNote } from "../core/topology/drawLimit";
import { uriToPath } from "./uris";

export async function topology(index: WorkspaceIndex, params: TopologyParams): Promise<TopologyResult> {
  const file = params.uri ? uriToPath(params.uri) : undefined;
  // Only the clusters that are drawn are built (the page gets the drawn part only).
  const maxClusters = MAX_DRAWN_CLUSTERS;
  let t = workspaceTopology(index.workspace, { failures: params.failures, file, maxClusters });
  // A file with no vrrp_instance (e.g. LVS only, or a script include): show the whole workspace.
  if (file && !t.clusters.length && !t.virtualServers.length) t = workspaceTopology(index.workspace, { failures: params.failures, maxClusters });
  const drawn = forDrawing(t);
  const note = omittedNote(drawn);
  const title = (file ? `Failover topology: ${path.basename(path.dirname(file))}/${path.basename(file)}` : "Failover topology: whole workspace") + (note ? ` (${note})` : "");
  // The page finds clusters and nodes by their index in the picture: it gets the drawn part.
  return { title, topology: drawn.topology, svg: await renderSvg(drawn.topology), dot: toDot(drawn.topology), mermaid: toMermaid(drawn.topology) };
}
