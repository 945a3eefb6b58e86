// A tracker on the preferred master whose failure cannot hand the VIPs over: its weight never brings
// the master's priority below the next member's, so the check watches a service without protecting it.
import type { ClusterRule } from "../rule";
import { relatedTo } from "../rule";
import { holdersOf } from "../failover";
import { Failures } from "../failover";

export const trackWeightIneffectiveRule: ClusterRule = {
  code: "track-weight-ineffective",
  checkCluster(cluster, report) {
    if (cluster.members.length < 2) return;
    const healthy = holdersOf(cluster);
    const master = healthy.master;
    const next = healthy.holders.find((h) => h !== master && h.role === "BACKUP");
    if (!master || !next) return;
    const m = master.instance;
    for (const t of m.tracks) {
      if (t.weight === 0 || (m.syncGroup && !m.syncGroup.keepsMemberWeights)) continue; // weight 0 means fault: effective
      const after = holdersOf(cluster, new Failures([`${m.node.name}:${t.name}`]));
      if (after.master?.instance !== m) continue;
      const mine = after.holders.find((h) => h.instance === m)!;
      const peer = after.holders.find((h) => h.instance === next.instance)!;
      const drop = master.priority! - mine.priority!;
      const math =
        m.priority.value === 255
          ? `priority 255 (address owner) ignores track weights`
          : `${master.priority} - ${drop} = ${mine.priority} ${mine.priority === peer.priority ? "=" : ">"} ${peer.priority} (${peer.node})`;
      const message = `${t.name} failing on ${master.node} cannot move the VIPs of ${m.name}: ${math}`;
      const word = t.word;
      report({
        file: word.file,
        range: word.range,
        severity: "warning",
        code: "track-weight-ineffective",
        message,
        related: [relatedTo(next.instance, next.instance.priority, `priority of ${next.node}`)],
      });
      const pw = next.instance.priority.word ?? next.instance.nameWord;
      report({
        file: pw.file,
        range: pw.range,
        severity: "warning",
        code: "track-weight-ineffective",
        message: `${next.node} never takes over ${m.name} when ${t.name} fails on ${master.node}: ${math}`,
        related: [{ file: word.file, range: word.range, message: `${t.name} (weight ${t.weight}) on ${master.node}` }],
      });
    }
  },
};
