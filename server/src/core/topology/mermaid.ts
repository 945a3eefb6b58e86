// Mermaid flowchart for docs and wikis: the same picture as the DOT output.
import type { Topology, TopologyMember } from "./model";
import { vridText } from "./dot";
import { drawnLabel, drawnVips } from "./drawLimit";

/** Mermaid labels are double-quoted; quotes and markup-looking characters become entities. Cut as drawn
 *  labels are (drawnLabel): Mermaid refuses a diagram over 50,000 characters. */
export function mermaidText(text: string): string {
  return drawnLabel(text).replace(/[&"<>#]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r?\n/g, "<br/>");
}

function ids(t: Topology): (kind: string, key: string) => string {
  const map = new Map<string, string>();
  return (kind, key) => {
    const k = `${kind}:${key}`;
    if (!map.has(k)) map.set(k, `${kind}${map.size}`);
    return map.get(k)!;
  };
}

const ARROW: Record<TopologyMember["role"], string> = { MASTER: "==>", BACKUP: "-.->", FAULT: "-.-x", DOWN: "-.-x" };

export function toMermaid(t: Topology): string {
  const id = ids(t);
  const out = ["flowchart LR"];
  for (const n of t.nodes) out.push(`  ${id("n", n.id)}["${mermaidText(n.name + (n.down ? " (down)" : ""))}"]`);
  for (const c of t.clusters) {
    const codes = [...new Set(c.mismatches.map((m) => `⚠ ${m.code}`))];
    const label = [`${c.name}${vridText(c)}`, ...drawnVips(c.vips), c.master ? `MASTER: ${c.master}` : "no MASTER", ...codes].join("\n");
    out.push(`  ${id("c", c.id)}(["${mermaidText(label)}"])`);
    for (const m of c.members) out.push(`  ${id("n", m.nodeId)} ${ARROW[m.role]}|"${mermaidText(`${m.role} ${m.arithmetic}`)}"| ${id("c", c.id)}`);
    if (c.mismatches.length) out.push(`  style ${id("c", c.id)} stroke:#c62828,stroke-width:2px`);
  }
  for (const u of t.unicast) {
    if (u.toNodeId) out.push(`  ${id("n", u.fromNodeId)} -.-|unicast| ${id("n", u.toNodeId)}`);
    else out.push(`  ${id("n", u.fromNodeId)} -.-|"unicast peer"| ${id("a", u.address)}["${mermaidText(u.address + " (no node)")}"]`);
  }
  t.virtualServers.forEach((vs, i) => {
    const v = id("v", `${vs.nodeId}:${i}`);
    out.push(`  ${v}[["${mermaidText([vs.label, vs.scheduler, vs.method].filter(Boolean).join(" "))}"]]`);
    out.push(`  ${id("n", vs.nodeId)} --- ${v}`);
    vs.realServers.forEach((rs, j) => out.push(`  ${v} -->${rs.checkers.length ? `|"${mermaidText(rs.checkers.join(", "))}"|` : ""} ${id("r", `${vs.nodeId}:${i}:${j}`)}("${mermaidText(rs.label)}")`));
  });
  return out.join("\n") + "\n";
}
