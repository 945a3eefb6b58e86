// Priority 255 makes an instance the address owner: it becomes master at once and never defers.
// keepalived ties that to the initial state: in strict mode, state MASTER without priority 255 (or
// 255 with state BACKUP) is corrected ("State MASTER must match being address owner"); and an owner
// cannot be nopreempt ("nopreempt is incompatible with priority 255. resetting nopreempt").
import type { NodeRule } from "../check/rule";
import { instanceFacts } from "../model/vrrpFacts";

export const addressOwnerRule: NodeRule = {
  code: "address-owner",
  checkNode({ annotated, report }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f.uncertain) continue;
      const owner = f.basePriority === 255;
      if (f.strict && f.state && (f.state.args[0]?.text === "MASTER") !== owner) {
        const w = f.state.args[0] ?? f.state.keyword;
        report({
          file: w.file,
          range: w.range,
          severity: "error",
          code: "address-owner",
          message: owner
            ? `(${f.name}) in strict mode the address owner (priority 255) must start as MASTER: keepalived changes the state to MASTER`
            : `(${f.name}) in strict mode only the address owner (priority 255) may start as MASTER: keepalived changes the state to BACKUP`,
          related: f.priority ? [{ file: f.priority.keyword.file, range: f.priority.keyword.range, message: "priority set here" }] : undefined,
        });
      }
      if (owner && f.nopreempt) {
        report({
          file: f.nopreempt.keyword.file,
          range: f.nopreempt.keyword.range,
          severity: "error",
          code: "address-owner",
          message: `(${f.name}) nopreempt has no effect on the address owner (priority 255): keepalived turns it off`,
        });
      }
    }
  },
};
