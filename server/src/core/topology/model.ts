// The failover topology as plain data: machines, clusters with their VIPs and members ordered by
// effective priority, tracked items with weights, sync groups, unicast links, LVS services, and the
// mismatches found. Renderers (DOT, Mermaid, SVG, the webview) only draw this.
import type { ConfigStatement } from "../config/expand";
import type { Diagnostic } from "../check/diagnostic";
import type { ClusterView } from "../cluster/analysis";
import type { Workspace } from "../check/workspace";
import type { NodeModel } from "../model/vrrp";
import { describe, priorityArithmetic, simulate } from "../cluster/failover";
import { memberLabel } from "../cluster/cluster";
import { walkStatements } from "../config/expand";
import { extractLvs } from "../model/lvs";
import { DiagnosticsInBlocks } from "./mismatches";

export interface SourceLink {
  file: string;
  /** 0-based */
  line: number;
}

export interface TopologyNode {
  id: string;
  name: string;
  source: SourceLink;
  /** Failed in the current simulation. */
  down: boolean;
}

export interface TopologyTrack {
  kind: string;
  name: string;
  weight: number;
  failed: boolean;
  source: SourceLink;
}

export interface TopologyMember {
  nodeId: string;
  node: string;
  instance: string;
  role: "MASTER" | "BACKUP" | "FAULT" | "DOWN";
  priority?: number;
  /** e.g. "150 - 60 = 90" */
  arithmetic: string;
  reason?: string;
  tracks: TopologyTrack[];
  syncGroup?: string;
  unicastSrc?: string;
  /** The instance's interface: failing it puts the member in FAULT. */
  interface?: string;
  source: SourceLink;
}

export interface TopologyCluster {
  id: string;
  name: string;
  /** Every VRID the members use: more than one is a mismatch. */
  vrids: number[];
  vips: string[];
  /** MASTER first, then backups by effective priority, then FAULT and DOWN. */
  members: TopologyMember[];
  master?: string;
  /** Healthy holder before the simulated failures, when they moved the VIPs. */
  previousMaster?: string;
  mismatches: { code: string; message: string }[];
  summary: string;
}

export interface TopologyUnicastLink {
  fromNodeId: string;
  address: string;
  /** The node that owns the address, when one does. */
  toNodeId?: string;
}

export interface TopologyRealServer {
  label: string;
  checkers: string[];
  source: SourceLink;
}

export interface TopologyVirtualServer {
  nodeId: string;
  label: string;
  scheduler?: string;
  method?: string;
  realServers: TopologyRealServer[];
  source: SourceLink;
}

export interface Topology {
  nodes: TopologyNode[];
  clusters: TopologyCluster[];
  unicast: TopologyUnicastLink[];
  virtualServers: TopologyVirtualServer[];
  failures: string[];
  /** Clusters (and LVS services) not built because of TopologyOptions.maxClusters. */
  leftOut?: { clusters: number; virtualServers: number };
}

function link(s: ConfigStatement): SourceLink {
  return { file: s.file, line: s.range.start.line };
}

function virtualServersOf(model: NodeModel, statements: ConfigStatement[]): TopologyVirtualServer[] {
  return extractLvs(statements).virtualServers.map((vs) => ({
    nodeId: model.id,
    label: vs.label,
    scheduler: vs.scheduler?.value,
    method: vs.method?.value,
    realServers: vs.realServers.map((rs) => ({ label: [rs.address, rs.port].filter((x) => x !== undefined).join(":"), checkers: rs.checkers.map((c) => c.kind), source: link(rs.statement) })),
    source: link(vs.statement),
  }));
}

export interface TopologyOptions {
  failures?: string[];
  /** Restrict to the clusters with a member in this file (the active editor). */
  file?: string;
  /** Top-level statements of each node, by node id, for the LVS part. */
  statementsOf?: (nodeId: string) => ConfigStatement[] | undefined;
  /**
   * Build at most this many clusters and LVS services, counting the others (a picture shows only the
   * first ones: simulating 17,000 one-member clusters to draw 150 took the request over a second).
   */
  maxClusters?: number;
}

function inFile(statements: ConfigStatement[], file: string): boolean {
  for (const { statement } of walkStatements(statements)) if (statement.file === file) return true;
  return false;
}

export function buildTopology(view: ClusterView, diagnostics: Diagnostic[], options: TopologyOptions = {}): Topology {
  const failures = options.failures ?? [];
  const clusters: TopologyCluster[] = [];
  const usedNodes = new Set<string>();
  const inBlocks = new DiagnosticsInBlocks(diagnostics);
  const max = options.maxClusters ?? Infinity;
  let clustersLeftOut = 0;
  for (const cluster of view.clusters) {
    if (options.file && !cluster.members.some((m) => m.statement.file === options.file || inFile([m.statement], options.file!))) continue;
    if (clusters.length >= max) {
      clustersLeftOut++;
      continue;
    }
    const result = simulate(cluster, failures);
    const state = result.after;
    const mismatches = inBlocks.of(cluster.members.map((m) => m.statement));
    const members: TopologyMember[] = state.holders.map((h) => {
      usedNodes.add(h.instance.node.id);
      return {
        nodeId: h.instance.node.id,
        node: h.instance.node.name,
        instance: h.instance.name,
        role: h.role,
        priority: h.priority,
        arithmetic: h.priority === undefined ? (h.reason ?? h.role.toLowerCase()) : priorityArithmetic(h),
        reason: h.reason,
        tracks: h.instance.tracks.map((t) => ({
          kind: t.kind,
          name: t.name,
          weight: t.weight,
          failed: failures.includes(t.name) || failures.includes(`${h.instance.node.name}:${t.name}`),
          source: { file: t.statement.file, line: t.word.range.start.line },
        })),
        syncGroup: h.instance.syncGroup?.name,
        unicastSrc: h.instance.unicastSrc?.value,
        interface: h.instance.interface?.value,
        source: link(h.instance.statement),
      };
    });
    clusters.push({
      id: cluster.id,
      name: [...new Set(cluster.members.map((m) => m.name))].join(" / "),
      vrids: [...new Set(cluster.members.flatMap((m) => (m.vrid ? [m.vrid.value] : [])))],
      vips: [...new Set(cluster.members.flatMap((m) => m.vips.map((v) => v.address)))],
      members,
      master: state.master ? memberLabel(state.master.instance, cluster) : undefined,
      previousMaster: result.moved && result.before.master ? memberLabel(result.before.master.instance, cluster) : undefined,
      mismatches,
      // With failures simulated, say what they lead to; otherwise the usual one-line summary.
      summary: failures.length ? `With ${failures.join(", ")} failed: ${describe(state)}${result.moved ? ` (was ${result.before.master ? memberLabel(result.before.master.instance, cluster) : "nobody"})` : ""}` : view.summary(cluster),
    });
  }
  const models = view.models.filter((m) => !options.file || usedNodes.has(m.id) || m.root === options.file);
  const nodes: TopologyNode[] = models.map((m) => ({
    id: m.id,
    name: m.name,
    source: { file: m.root, line: 0 },
    down: failures.includes(m.name) || failures.includes(m.id),
  }));
  const addressOwner = new Map<string, string>();
  for (const m of models) for (const i of m.instances) if (i.unicastSrc) addressOwner.set(i.unicastSrc.value, m.id);
  const unicast: TopologyUnicastLink[] = [];
  const drawn = new Set<string>();
  for (const m of models) {
    const seen = new Set<string>();
    for (const i of m.instances)
      for (const p of i.unicastPeers) {
        if (seen.has(p.address)) continue;
        seen.add(p.address);
        const to = addressOwner.get(p.address);
        // Two nodes listing each other make one link.
        if (to && drawn.has(`${to}\u0000${m.id}`)) continue;
        drawn.add(`${m.id}\u0000${to}`);
        unicast.push({ fromNodeId: m.id, address: p.address, toNodeId: to });
      }
  }
  const virtualServers: TopologyVirtualServer[] = [];
  let virtualServersLeftOut = 0;
  if (options.statementsOf) {
    for (const m of models) {
      if (virtualServers.length >= max) break;
      for (const vs of virtualServersOf(m, options.statementsOf(m.id) ?? [])) virtualServers.push(vs);
    }
    if (virtualServers.length > max) (virtualServersLeftOut = virtualServers.length - max), (virtualServers.length = max);
  }
  const t: Topology = { nodes, clusters, unicast, virtualServers, failures };
  if (clustersLeftOut || virtualServersLeftOut) t.leftOut = { clusters: clustersLeftOut, virtualServers: virtualServersLeftOut };
  return t;
}

/** The topology of everything a workspace holds (or of the clusters of `options.file`). */
export function workspaceTopology(ws: Workspace, options: Omit<TopologyOptions, "statementsOf"> = {}): Topology {
  const nodes = new Map(ws.nodes().map((n) => [n.id, n]));
  return buildTopology(ws.clusters(), ws.diagnostics(), { ...options, statementsOf: (id) => nodes.get(id)?.config.statements });
}
