// Two definitions with one name: keepalived keeps only one of them, and references become ambiguous.
import type { NodeRule } from "../check/rule";
import { definitionsOf, NAMESPACE_LABEL, NameDefinition, Namespace } from "../model/names";

/** Names keepalived 2.2.7 refuses a second time ("already defined"): it skips the whole block.
 *  For the others it keeps both blocks silently, and references find only one of them. */
const REFUSED: ReadonlySet<Namespace> = new Set<Namespace>(["instance", "syncGroup", "bfd"]);

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
        severity: REFUSED.has(def.ns) ? "error" : "warning",
        code: "duplicate-name",
        message: REFUSED.has(def.ns)
          ? `${NAMESPACE_LABEL[def.ns]} '${def.name}' is already defined; keepalived skips this block`
          : `${NAMESPACE_LABEL[def.ns]} '${def.name}' is already defined; keepalived keeps both, but references reach only one of them`,
        related: [{ file: earlier.word.file, range: earlier.word.range, message: `first definition of '${def.name}'` }],
      });
    }
  },
};
