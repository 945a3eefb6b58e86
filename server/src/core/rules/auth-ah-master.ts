// With AH authentication a router must hear an advert (to learn the AH sequence number) before it
// can take over, so keepalived starts a non-owner instance configured as MASTER in BACKUP instead
// ("Initial state master is incompatible with AH authentication - clearing").
import type { NodeRule } from "../check/rule";
import { instanceFacts } from "../model/vrrpFacts";

export const authAhMasterRule: NodeRule = {
  code: "auth-ah-master",
  checkNode({ annotated, report }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f.uncertain || f.strict || f.version === 3 || f.authType !== "AH") continue;
      if (f.state?.args[0]?.text !== "MASTER" || f.basePriority === 255) continue;
      const w = f.state.args[0];
      report({
        file: w.file,
        range: w.range,
        severity: "error",
        code: "auth-ah-master",
        message: `(${f.name}) with AH authentication keepalived starts this instance as BACKUP, not MASTER: it must receive an advert first`,
        fixes: w.substituted ? [] : [{ title: "Start as BACKUP", preferred: true, edits: [{ file: w.file, range: w.range, newText: "BACKUP" }] }],
      });
    }
  },
};
