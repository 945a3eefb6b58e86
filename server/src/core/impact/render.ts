// The impact report as plain data (JSON for CI, the editor's request) and as text for people.
import type { ImpactReport } from "./impact";

export function impactData(r: ImpactReport) {
  return {
    version: 1,
    apply: r.apply,
    nodes: r.nodes.map((n) => ({
      node: n.node,
      key: n.key,
      status: n.status,
      apply: n.apply,
      restart: n.restart,
      instances: n.instances.map((i) => ({ instance: i.instance, action: i.action, changes: i.changes })),
      syncGroups: n.syncGroups.map((g) => ({ group: g.group, action: g.action, members: g.members, changes: g.changes })),
      changes: n.changes,
      notes: n.notes,
    })),
    clusters: r.clusters.map((c) => ({
      name: c.name,
      nodes: c.nodes,
      status: c.status,
      vipsAdded: c.vipsAdded,
      vipsRemoved: c.vipsRemoved,
      masterBefore: c.masterBefore,
      masterAfter: c.masterAfter,
      moves: c.moves,
      explanation: c.explanation,
      coordination: c.coordination,
      recommendedOrder: c.recommended && c.recommended.splits === 0 ? c.recommended.order : null,
      plans: c.plans.map((p) => ({ name: p.name, order: p.order, twoMasterSteps: p.splits, moves: p.moves, steps: p.steps })),
      advice: c.advice,
    })),
  };
}

export type ImpactData = ReturnType<typeof impactData>;

const APPLY_TEXT = { none: "nothing to apply", reload: "a reload (SIGHUP) is enough", start: "start keepalived", stop: "stop keepalived", restart: "restart keepalived (a reload is not enough)" };

export function impactText(r: ImpactReport): string {
  const lines: string[] = [];
  const changedNodes = r.nodes.filter((n) => n.status !== "unchanged");
  if (!changedNodes.length && r.clusters.every((c) => c.status === "unchanged")) return "no change to what keepalived runs\n";
  const verbs = { reload: "reload (SIGHUP)", restart: "restart", start: "start keepalived on", stop: "stop keepalived on" } as const;
  const groups = (Object.keys(verbs) as (keyof typeof verbs)[])
    .map((a) => [a, changedNodes.filter((n) => n.apply === a).map((n) => n.node)] as const)
    .filter(([, names]) => names.length)
    .map(([a, names]) => `${verbs[a]} ${names.join(", ")}`);
  lines.push(`overall: ${groups.join(" · ") || APPLY_TEXT[r.apply]}`, "");
  for (const n of changedNodes) {
    lines.push(`node ${n.node} (${n.status}): ${APPLY_TEXT[n.apply]}`);
    for (const i of n.instances) {
      if (i.action === "kept" && !i.changes.length) continue;
      const when = n.status === "added" ? "when keepalived starts" : n.status === "removed" ? "when keepalived stops" : "on reload";
      const what = { kept: "kept", created: `created ${when}`, removed: `removed ${when}`, recreated: "re-created on reload" }[i.action];
      lines.push(`  ${i.instance}: ${what}${i.changes.length ? ` — ${i.changes.join("; ")}` : ""}`);
    }
    for (const g of n.syncGroups) {
      if (g.action === "kept" && !g.changes.length) continue;
      const when = n.status === "added" ? "when keepalived starts" : n.status === "removed" ? "when keepalived stops" : "on reload";
      const what = g.action === "kept" ? `kept — ${g.changes.join("; ")}` : `${g.action} ${when} — members ${g.members.join(", ")}`;
      lines.push(`  sync group ${g.group}: ${what}`);
    }
    for (const c of n.changes) lines.push(`  ${c}`);
    for (const r2 of n.restart) lines.push(`  ${r2.keyword}: ${r2.before} → ${r2.after}`);
    for (const note of n.notes) lines.push(`  note: ${note}`);
    lines.push("");
  }
  for (const c of r.clusters.filter((x) => x.status !== "unchanged")) {
    lines.push(`cluster ${c.name} on ${c.nodes.join(", ")} (${c.status})`);
    lines.push(`  ${c.explanation}`);
    for (const x of c.coordination) lines.push(`  ${x.hazard === "two-masters" ? "coordinate" : "note"} ${x.setting}: ${x.message}`);
    for (const p of c.plans) {
      const steps = p.steps.map((s) => `${s.node} → ${s.masters.length > 1 ? `TWO MASTERS (${s.masters.join(", ")})` : s.masters[0] ? `MASTER ${s.masters[0]}` : "NO MASTER"}${s.note ? ` [${s.note}]` : ""}`);
      lines.push(`  ${p.name}: ${steps.join(" · ")}`);
    }
    lines.push(`  advice: ${c.advice}`, "");
  }
  return lines.join("\n");
}
