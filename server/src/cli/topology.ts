// keepalived-lint topology: the failover picture of a workspace as SVG, DOT, Mermaid or JSON.
import type { ParsedArgs } from "./main";
import { Workspace } from "../core/check/workspace";
import { buildTopology, Topology } from "../core/topology/model";
import { toDot } from "../core/topology/dot";
import { toMermaid } from "../core/topology/mermaid";
import { renderSvg } from "../core/topology/svg";
import { displayPath } from "./formats";

export const TOPOLOGY_FORMATS = ["svg", "dot", "mermaid", "json"] as const;

export function topologyOf(ws: Workspace, failures: string[]): Topology {
  const nodes = new Map(ws.nodes().map((n) => [n.id, n]));
  return buildTopology(ws.clusters(), ws.diagnostics(), { failures, statementsOf: (id) => nodes.get(id)?.config.statements });
}

/** JSON with paths shown as the check command shows them. */
export function topologyJson(t: Topology): string {
  return JSON.stringify(t, (key, value) => (key === "file" && typeof value === "string" ? displayPath(value) : value), 2) + "\n";
}

export async function renderTopology(ws: Workspace, args: ParsedArgs): Promise<string> {
  const format = args.options.get("format")?.[0] ?? "svg";
  const t = topologyOf(ws, args.options.get("fail") ?? []);
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
