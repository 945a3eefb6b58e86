// preempt_delay only delays a BACKUP that is about to take over from a master of lower priority
// (keepalived/vrrp/vrrp.c vrrp_state_backup). keepalived clears it for an initial state MASTER
// ("preempt delay will not work with initial state MASTER") and resets it next to nopreempt
// ("preempt_delay is incompatible with nopreempt mode"), both in vrrp_complete_instance; strict
// mode is strict-mode-conflict's. The address owner (255) never waits either.
import type { NodeRule } from "../check/rule";
import type { ClusterRule } from "../cluster/rule";
import type { VrrpInstance } from "../model/vrrp";
import { memberLabel } from "../cluster/cluster";
import { instanceFacts } from "../model/vrrpFacts";

export const preemptDelayIgnoredRule: NodeRule = {
  code: "preempt-delay-ignored",
  checkNode({ annotated, report }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f.uncertain || !f.preemptDelay || f.strict) continue;
      const why =
        f.state?.args[0]?.text === "MASTER"
          ? "with state MASTER keepalived clears it: a node that starts as MASTER takes over at once. Use state BACKUP on every node"
          : f.nopreempt
            ? "keepalived resets it next to nopreempt: this node never takes the VIPs over from a running master, after a delay or not"
            : undefined;
      if (!why) continue;
      const w = f.preemptDelay.keyword;
      report({ file: w.file, range: w.range, severity: "warning", code: "preempt-delay-ignored", message: `(${f.name}) preempt_delay has no effect: ${why}` });
    }
  },
};

/** The highest and lowest priority a member can advertise, its tracker weights applied. */
function priorityRange(i: VrrpInstance): [number, number] {
  if (i.priority.value === 255) return [255, 255];
  const weights = i.syncGroup && !i.syncGroup.keepsMemberWeights ? [] : i.tracks.map((t) => t.weight);
  const up = weights.filter((w) => w > 0).reduce((a, b) => a + b, 0);
  const down = weights.filter((w) => w < 0).reduce((a, b) => a + b, 0);
  return [Math.min(254, i.priority.value + up), Math.max(1, i.priority.value + down)];
}

/** Across the cluster: a preempt_delay on a member that can never outrank a running master waits for nothing. */
export const preemptDelayNeverUsedRule: ClusterRule = {
  code: "preempt-delay-ignored",
  checkCluster(cluster, report) {
    if (cluster.members.length < 2) return;
    for (const m of cluster.members) {
      if (!m.preemptDelay?.word || m.nopreempt || m.state?.value === "MASTER") continue;
      const [highest] = priorityRange(m);
      const others = cluster.members.filter((o) => o !== m);
      if (!others.every((o) => priorityRange(o)[1] > highest)) continue;
      const w = m.preemptDelay.statement!.keyword;
      report({
        file: w.file,
        range: w.range,
        severity: "warning",
        code: "preempt-delay-ignored",
        message: `(${m.name}) preempt_delay has no effect on ${memberLabel(m, cluster)}: at most priority ${highest}, it never outranks ${others.map((o) => memberLabel(o, cluster)).join(", ")}, so it never preempts. The delay belongs on the member that takes the VIPs back`,
      });
    }
  },
};
