// nopreempt on a backup, and a tracker on the master that only changes its priority: when the
// tracker fails, the master advertises a lower priority, but a nopreempt backup accepts adverts of
// any priority from the running master (keepalived/vrrp/vrrp.c, the BACKUP state's advert check),
// so nobody takes over and the VIPs stay with the failed service. The same fact `simulate`
// prints as "stays MASTER: b has nopreempt" — this rule asks the failover model, not a copy of it.
import type { ClusterRule } from "../rule";
import { relatedTo } from "../rule";
import { priorityArithmetic, simulate } from "../failover";

export const nopreemptBlocksFailoverRule: ClusterRule = {
  code: "nopreempt-blocks-failover",
  checkCluster(cluster, report) {
    if (cluster.members.length < 2) return;
    const first = simulate(cluster, []).before.master;
    if (!first) return;
    const m = first.instance;
    for (const t of m.tracks) {
      // Weight 0 puts the master in FAULT: it gives the VIPs up whatever the backups' nopreempt.
      if (t.weight === 0 || (m.syncGroup && !m.syncGroup.keepsMemberWeights)) continue;
      const result = simulate(cluster, [`${m.node.name}:${t.name}`]);
      const keptBy = result.after.keptBy;
      if (!keptBy || result.after.master?.instance !== m) continue;
      const mine = result.after.master;
      report({
        file: t.word.file,
        range: t.word.range,
        severity: "warning",
        code: "nopreempt-blocks-failover",
        message:
          `${t.name} failing on ${first.node} never moves the VIPs of ${m.name}: its priority drops to ${priorityArithmetic(mine)}, below ${keptBy.node}'s ${keptBy.priority}, ` +
          `but ${keptBy.node} has nopreempt and keeps accepting ${first.node}'s adverts, so ${first.node} stays MASTER with ${t.name} failed. ` +
          `Give the tracker weight 0 (a failure puts ${first.node} in FAULT) or drop nopreempt`,
        related: keptBy.instance.nopreempt ? [{ file: keptBy.instance.nopreempt.file, range: keptBy.instance.nopreempt.keyword.range, message: `nopreempt on ${keptBy.node}` }] : [relatedTo(keptBy.instance, undefined, keptBy.node)],
      });
    }
  },
};
