// Graphviz DOT for a topology: machines as boxes, each cluster as its VIP set, an edge from every
// member labelled with its role and effective priority; LVS services below their node.
import type { Topology, TopologyCluster, TopologyMember } from "./model";
import { drawnLabel, drawnVips } from "./drawLimit";

/** A DOT double-quoted string: quotes and backslashes escaped (backslash sequences are DOT escapes). */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

export { MAX_LABEL_LINE } from "./drawLimit";

/** A label for the picture: cut as drawnLabel cuts it (the data keeps the whole text). */
export function dotLabel(text: string): string {
  return dotString(drawnLabel(text));
}

const ROLE_STYLE: Record<TopologyMember["role"], string> = {
  MASTER: 'style=bold, color="#2e7d32", fontcolor="#2e7d32"',
  BACKUP: 'style=dashed, color="#1565c0", fontcolor="#1565c0"',
  FAULT: 'style=dotted, color="#c62828", fontcolor="#c62828"',
  DOWN: 'style=dotted, color="#9e9e9e", fontcolor="#9e9e9e"',
};

/** Short stable keys: ids hold paths and separators that make poor Graphviz names. */
function keys(t: Topology) {
  const nodeIndex = new Map(t.nodes.map((n, i) => [n.id, i]));
  return {
    node: (id: string) => `n${nodeIndex.get(id) ?? id.length}`,
    cluster: (c: TopologyCluster) => `c${t.clusters.indexOf(c)}`,
  };
}

export function vridText(c: TopologyCluster): string {
  return c.vrids.length ? ` · VRID ${c.vrids.join(" ≠ ")}` : "";
}

function clusterLabel(c: TopologyCluster): string {
  const lines = [`${c.name}${vridText(c)}`, ...drawnVips(c.vips)];
  if (c.master) lines.push(`MASTER: ${c.master}`);
  else lines.push("no MASTER");
  if (c.previousMaster) lines.push(`(moved from ${c.previousMaster})`);
  for (const code of new Set(c.mismatches.map((m) => m.code))) lines.push(`⚠ ${code}`);
  return lines.join("\n");
}

function memberLabel(m: TopologyMember): string {
  const lines = [`${m.role} ${m.arithmetic}`];
  for (const t of m.tracks) lines.push(`${t.failed ? "✗" : "✓"} ${t.name}${t.weight ? ` (${t.weight > 0 ? "+" : ""}${t.weight})` : ""}`);
  if (m.syncGroup) lines.push(`sync group ${m.syncGroup}`);
  return lines.join("\n");
}

/** `note`: a line written above the picture (what was left out of it). */
export function toDot(t: Topology, note?: string): string {
  const k = keys(t);
  const nodeKey = k.node;
  const clusterKey = k.cluster;
  const out = ["digraph keepalived {", '  graph [rankdir=LR, fontname="Helvetica", bgcolor="transparent"];', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=10];'];
  if (note) out.push(`  graph [label=${dotLabel(note)}, labelloc=t, fontsize=12];`);
  for (const n of t.nodes) {
    const style = n.down ? 'style="filled,dashed", fillcolor="#eeeeee", color="#9e9e9e"' : 'style=filled, fillcolor="#e3f2fd"';
    out.push(`  ${nodeKey(n.id)} [shape=box, label=${dotLabel(n.name + (n.down ? "\n(down)" : ""))}, ${style}, id=${dotString(`node-${t.nodes.indexOf(n)}`)}];`);
  }
  for (const c of t.clusters) {
    const bad = c.mismatches.length > 0;
    out.push(
      `  ${clusterKey(c)} [shape=ellipse, label=${dotLabel(clusterLabel(c))}, style=filled, fillcolor=${bad ? '"#ffebee"' : '"#e8f5e9"'}, color=${bad ? '"#c62828"' : '"#2e7d32"'}, id=${dotString(`cluster-${t.clusters.indexOf(c)}`)}];`,
    );
    for (const m of c.members) out.push(`  ${nodeKey(m.nodeId)} -> ${clusterKey(c)} [label=${dotLabel(memberLabel(m))}, ${ROLE_STYLE[m.role]}];`);
  }
  for (const u of t.unicast) {
    if (u.toNodeId) out.push(`  ${nodeKey(u.fromNodeId)} -> ${nodeKey(u.toNodeId)} [style=dotted, dir=both, arrowhead=vee, arrowtail=vee, color="#757575", label=${dotLabel("unicast")}, constraint=false];`);
    else {
      const key = dotString(`addr ${u.address}`);
      out.push(`  ${key} [shape=plaintext, label=${dotLabel(`${u.address}\n(no node)`)}, fontcolor="#c62828"];`);
      out.push(`  ${nodeKey(u.fromNodeId)} -> ${key} [style=dotted, color="#c62828", label=${dotLabel("unicast peer")}];`);
    }
  }
  t.virtualServers.forEach((vs, i) => {
    const key = `vs${i}`;
    const label = [vs.label, [vs.scheduler, vs.method].filter(Boolean).join(" ")].filter(Boolean).join("\n");
    out.push(`  ${key} [shape=component, label=${dotLabel(label)}, id=${dotString(`vs-${i}`)}];`);
    out.push(`  ${nodeKey(vs.nodeId)} -> ${key} [arrowhead=none, color="#9e9e9e"];`);
    vs.realServers.forEach((rs, j) => {
      const rk = `vs${i}rs${j}`;
      out.push(`  ${rk} [shape=box, style=rounded, label=${dotLabel(rs.label)}];`);
      out.push(`  ${key} -> ${rk} [label=${dotLabel(rs.checkers.join(", "))}];`);
    });
  });
  out.push("}");
  return out.join("\n") + "\n";
}
