// A file that includes itself, directly or through others.
import type { NodeRule } from "../check/rule";

export const includeCycleRule: NodeRule = {
  code: "include-cycle",
  checkNode({ config, report }) {
    for (const p of config.problems) if (p.code === "include-cycle") report({ ...p });
  },
};
