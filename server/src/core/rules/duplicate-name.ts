// Two definitions with one name: keepalived keeps only one of them, and references become ambiguous.
import type { NodeRule } from "../check/rule";
import { definitionsOf, NAMESPACE_LABEL, NameDefinition } from "../model/names";

export const duplicateNameRule: NodeRule = {
  code: "duplicate-name",
  checkNode({ config, report }) {
    const first = new Map<string, NameDefinition>();
    for (const def of definitionsOf(config.statements)) {
      const key = `${def.ns}\u0000${def.name}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, def);
        continue;
      }
      report({
        file: def.word.file,
        range: def.word.range,
        severity: "error",
        code: "duplicate-name",
        message: `${NAMESPACE_LABEL[def.ns]} '${def.name}' is already defined`,
        related: [{ file: earlier.word.file, range: earlier.word.range, message: `first definition of '${def.name}'` }],
      });
    }
  },
};
