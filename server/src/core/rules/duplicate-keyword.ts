// The same setting twice in one block: keepalived silently keeps the last one.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";

export const duplicateKeywordRule: NodeRule = {
  code: "duplicate-keyword",
  checkNode({ annotated, report }) {
    const seen = new Map<ConfigStatement[] | undefined, Map<string, ConfigStatement>>();
    for (const a of annotated) {
      if (!a.spec || a.spec.repeatable || a.spec.body) continue;
      const parent = a.parents[a.parents.length - 1];
      const key = parent?.children;
      let inBlock = seen.get(key);
      if (!inBlock) seen.set(key, (inBlock = new Map()));
      const earlier = inBlock.get(a.spec.name);
      const s = a.statement;
      if (earlier) {
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "warning",
          code: "duplicate-keyword",
          message: `'${a.spec.name}' is set more than once in this block; keepalived uses the last value`,
          related: [{ file: earlier.keyword.file, range: earlier.keyword.range, message: "also set here" }],
        });
      }
      inBlock.set(a.spec.name, s);
    }
  },
};
