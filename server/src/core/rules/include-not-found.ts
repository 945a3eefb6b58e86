// An include that names no file: keepalived reads nothing for it.
import type { NodeRule } from "../check/rule";

export const includeNotFoundRule: NodeRule = {
  code: "include-not-found",
  checkNode({ config, report }) {
    for (const p of config.problems) if (p.code === "include-not-found") report({ ...p });
  },
};
