// nopreempt on an instance that starts as MASTER: keepalived clears it while reading the
// configuration ("nopreempt will not work with initial state MASTER - clearing",
// keepalived/vrrp/vrrp.c vrrp_complete_instance), says so only in its log, and the node then
// takes the VIPs back whenever its priority is the highest. nopreempt needs state BACKUP.
// The address owner (priority 255) has its own message in address-owner.
import type { NodeRule } from "../check/rule";
import { instanceFacts } from "../model/vrrpFacts";

export const nopreemptIgnoredRule: NodeRule = {
  code: "nopreempt-ignored",
  checkNode({ annotated, report }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f.uncertain || !f.nopreempt || f.basePriority === 255) continue;
      const state = f.state?.args[0];
      if (!state || state.text !== "MASTER") continue;
      report({
        file: f.nopreempt.keyword.file,
        range: f.nopreempt.keyword.range,
        severity: "warning",
        code: "nopreempt-ignored",
        message: `(${f.name}) nopreempt has no effect with state MASTER: keepalived clears it, and this node takes the VIPs back whenever its priority is the highest. nopreempt needs state BACKUP`,
        related: [{ file: state.file, range: state.range, message: "state MASTER" }],
        fixes: [{ title: "Start as BACKUP so that nopreempt holds", edits: [{ file: state.file, range: state.range, newText: "BACKUP" }], preferred: true }],
      });
    }
  },
};
