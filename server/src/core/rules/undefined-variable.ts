// `${NAME}` with no `$NAME=` definition before it: keepalived substitutes only names it knows, so
// the text stays as written and its braces open and close blocks nobody meant.
import type { NodeRule } from "../check/rule";

export const undefinedVariableRule: NodeRule = {
  code: "undefined-variable",
  checkNode({ config, report }) {
    for (const p of config.problems) if (p.code === "undefined-variable") report({ ...p });
  },
};
