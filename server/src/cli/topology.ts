// keepalived-lint topology: the failover picture of a workspace as SVG, DOT, Mermaid or JSON.
import type { ParsedArgs } from "./args";
import { Workspace } from "../core/check/workspace";
import { workspaceTopology, Topology } from "../core/topology/model";
import { toDot } from "../core/topology/dot";
import { toMermaid } from "../core/topology/mermaid";
import { renderSvg } from "../core/topology/svg";
import { forDrawing, MAX_DRAWN_CLUSTERS, omittedNote } from "../core/topology/drawLimit";
import { displayPath } from "./formats";

export const TOPOLOGY_FORMATS = ["svg", "dot", "mermaid", "json"] as const;

/** JSON with paths shown as the check command shows them. */
export function topologyJson(t: Topology): string {
  return JSON.stringify(t, (key, value) => (key === "file" && typeof value === "string" ? displayPath(value) : value), 2) + "\n";
}

/** `warn`: told how many clusters an SVG leaves out. */
export async function renderTopology(ws: Workspace, args: ParsedArgs, warn: (s: string) => void = () => {}): Promise<string> {
  const format = args.options.get("format")?.[0] ?? "svg";
  const failures = args.options.get("fail") ?? [];
  if (format === "svg") {
    // As in the editor's panel: the picture holds the first clusters (a layout of thousands takes
    // minutes and shows nothing readable); the text formats keep them all.
    const drawn = forDrawing(workspaceTopology(ws, { failures, maxClusters: MAX_DRAWN_CLUSTERS }));
    const note = omittedNote(drawn);
    if (note) warn(`keepalived-lint: topology: ${note}; --format json, dot or mermaid list them all\n`);
    return renderSvg(drawn.topology, note && `${note} (keepalived-lint topology --format json lists them all)`);
  }
  const t = workspaceTopology(ws, { failures });
  switch (format) {
    case "dot":
      return toDot(t);
    case "mermaid":
      return toMermaid(t);
    case "json":
      return topologyJson(t);
    default:
      return renderSvg(t);
  }
}
