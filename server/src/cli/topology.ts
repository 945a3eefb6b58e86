// keepalived-lint topology: the failover picture of a workspace as SVG, DOT, Mermaid or JSON.
import type { ParsedArgs } from "./args";
import { Workspace } from "../core/check/workspace";
import { workspaceTopology, Topology } from "../core/topology/model";
import { toDot } from "../core/topology/dot";
import { toMermaid } from "../core/topology/mermaid";
import { renderSvg } from "../core/topology/svg";
import { displayPath } from "./formats";

export const TOPOLOGY_FORMATS = ["svg", "dot", "mermaid", "json"] as const;

/** JSON with paths shown as the check command shows them. */
export function topologyJson(t: Topology): string {
  return JSON.stringify(t, (key, value) => (key === "file" && typeof value === "string" ? displayPath(value) : value), 2) + "\n";
}

export async function renderTopology(ws: Workspace, args: ParsedArgs): Promise<string> {
  const format = args.options.get("format")?.[0] ?? "svg";
  const t = workspaceTopology(ws, { failures: args.options.get("fail") ?? [] });
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
