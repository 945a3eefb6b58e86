// How much of a topology is laid out as a picture. Graphviz's layout grows faster than the graph:
// 1,000 clusters take about a second, the 6,000 instances of a 1 MB config took over 20 s (and the
// request 100 s), while a picture of thousands of boxes shows nothing anyone can read. The data
// (clusters, members, mismatches) stays complete; the picture holds the first clusters and says so.
import type { Topology } from "./model";

export const MAX_DRAWN_CLUSTERS = 150;

export interface DrawnTopology {
  topology: Topology;
  /** Clusters left out of the picture. */
  omitted: number;
}

export function forDrawing(t: Topology, max = MAX_DRAWN_CLUSTERS): DrawnTopology {
  // Built with maxClusters: the clusters left out then are left out of the picture too.
  const before = t.leftOut?.clusters ?? 0;
  if (t.clusters.length <= max && !before) return { topology: t, omitted: 0 };
  const clusters = t.clusters.length > max ? t.clusters.slice(0, max) : t.clusters;
  const used = new Set(clusters.flatMap((c) => c.members.map((m) => m.nodeId)));
  const nodes = t.nodes.filter((n) => used.has(n.id));
  return {
    topology: { ...t, clusters, nodes, unicast: t.unicast.filter((u) => used.has(u.fromNodeId)), virtualServers: t.virtualServers.filter((v) => used.has(v.nodeId)).slice(0, max) },
    omitted: before + t.clusters.length - clusters.length,
  };
}

/** Said in the picture and the panel's title when clusters were left out. */
export function omittedNote(drawn: DrawnTopology): string | undefined {
  if (!drawn.omitted) return undefined;
  const shown = drawn.topology.clusters.length;
  return `first ${shown.toLocaleString("en-US")} of ${(shown + drawn.omitted).toLocaleString("en-US")} clusters drawn`;
}

/** A cluster's box lists this many of its addresses. One instance with 45,000 of them took Graphviz
 *  1.1 s to lay out (a 9.7 MB answer), for a box no one can read; the data keeps them all. */
export const MAX_DRAWN_VIPS = 20;

/** The addresses a cluster's box shows: the first MAX_DRAWN_VIPS, then how many more there are. */
export function drawnVips(vips: readonly string[]): string[] {
  if (vips.length <= MAX_DRAWN_VIPS) return [...vips];
  return [...vips.slice(0, MAX_DRAWN_VIPS), `… ${(vips.length - MAX_DRAWN_VIPS).toLocaleString("en-US")} more`];
}

/** Longest line of a drawn label: Graphviz took 1.5 s to lay out a 1 MB router_id, which nobody can read drawn. */
export const MAX_LABEL_LINE = 100;

/** Most lines of a drawn label. An instance tracking 1,500 scripts drew its member's edge as 1,500 lines
 *  (a 240 KB picture of that one edge), which no one reads; the count says what is left out. */
export const MAX_LABEL_LINES = 24;

/** A label as drawn: each line cut to MAX_LABEL_LINE characters, and the first MAX_LABEL_LINES lines with a
 *  count of the rest (the data keeps the whole text). */
export function drawnLabel(text: string): string {
  if (text.length <= MAX_LABEL_LINE) return text;
  let lines = text.split("\n");
  if (lines.length > MAX_LABEL_LINES) lines = [...lines.slice(0, MAX_LABEL_LINES - 1), `… ${(lines.length - MAX_LABEL_LINES + 1).toLocaleString("en-US")} more lines`];
  return lines.map((line) => (line.length > MAX_LABEL_LINE ? line.slice(0, MAX_LABEL_LINE - 1) + "…" : line)).join("\n");
}
