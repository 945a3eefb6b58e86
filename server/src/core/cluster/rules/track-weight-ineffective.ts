// A tracker on the preferred master whose failure cannot hand the VIPs over: its weight never brings
// the master's priority below the next member's, so the check watches a service without protecting it.
import type { ClusterRule } from "../rule";
import { relatedTo } from "../rule";
import { holdersOf } from "../failover";
import { Failures } from "../failover";
import { replaceWord } from "../edits";
import type { Fix } from "../../check/diagnostic";
import type { TrackEntry, VrrpInstance } from "../../model/vrrp";

/** keepalived's limit for a tracker weight. */
const MAX_WEIGHT = 253;

/**
 * A weight that does move the VIPs: low enough that the master, failing this tracker, ends strictly
 * below the next member. Written where the weight in force comes from (the track line or the
 * vrrp_script); only for negative weights, the usual way to say "lower me when this fails".
 */
function strongerWeightFix(m: VrrpInstance, t: TrackEntry, healthy: number, peer: number): Fix | undefined {
  if (t.weight >= 0 || t.reverse || m.priority.value === 255) return undefined;
  const weight = peer - healthy - 1; // so that healthy + weight < peer
  if (weight < -MAX_WEIGHT) return undefined;
  let word;
  if (t.weightFrom === "line") {
    // The track line itself: `chk_nginx weight -20`.
    const i = t.statement.args.findIndex((a) => a.text === "weight");
    word = i >= 0 ? t.statement.args[i + 1] : undefined;
  } else if (t.weightFrom === "definition") {
    word = m.node.trackers.find((d) => d.kind === t.kind && d.name === t.name)?.weight?.statement.args[0];
  }
  const edit = word && replaceWord(word, String(weight));
  return edit ? { title: `Set the weight of ${t.name} to ${weight} so its failure hands the VIPs over`, edits: [edit] } : undefined;
}

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
      const fix = strongerWeightFix(m, t, master.priority!, peer.priority!);
      report({
        file: word.file,
        range: word.range,
        severity: "warning",
        code: "track-weight-ineffective",
        message,
        related: [relatedTo(next.instance, next.instance.priority, `priority of ${next.node}`)],
        fixes: fix ? [fix] : [],
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
