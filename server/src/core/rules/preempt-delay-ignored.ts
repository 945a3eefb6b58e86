// preempt_delay only delays a BACKUP that is about to take over from a master of lower priority
// (keepalived/vrrp/vrrp.c vrrp_state_backup). keepalived clears it for an initial state MASTER
// ("preempt delay will not work with initial state MASTER") and resets it next to nopreempt
// ("preempt_delay is incompatible with nopreempt mode"), both in vrrp_complete_instance; strict
// mode is strict-mode-conflict's. The address owner (255) never waits either.
import type { NodeRule } from "../check/rule";
import { instanceFacts } from "../model/vrrpFacts";

export const preemptDelayIgnoredRule: NodeRule = {
  code: "preempt-delay-ignored",
  checkNode({ annotated, report }) {
    for (const f of instanceFacts(annotated)) {
      if (f.uncertain || !f.preemptDelay || f.strict) continue;
      const why =
        f.state?.args[0]?.text === "MASTER"
          ? "with state MASTER keepalived clears it: a node that starts as MASTER takes over at once. Use state BACKUP on every node"
          : f.nopreempt
            ? "keepalived resets it next to nopreempt: this node never takes the VIPs over from a running master, after a delay or not"
            : undefined;
      if (!why) continue;
      const w = f.preemptDelay.keyword;
      report({ file: w.file, range: w.range, severity: "error", code: "preempt-delay-ignored", message: `(${f.name}) preempt_delay has no effect: ${why}` });
    }
  },
};
