// A bound of the expansion was reached (docs/decisions/bounds.md): `$` substitution that never ends
// or keeps doubling, `$` blocks inside `$` blocks, repetitions past the statement budget, includes
// nested too deep. What lies beyond the bound is not checked, and the user should know.
import type { NodeRule } from "../check/rule";

export const expansionLimitRule: NodeRule = {
  code: "expansion-limit",
  checkNode({ config, report }) {
    for (const p of config.problems) if (p.code === "expansion-limit") report({ ...p });
  },
};
