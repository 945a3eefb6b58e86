// Two definitions with one name: keepalived keeps only one of them, and references become ambiguous.
import type { NodeRule } from "../check/rule";
import { NAMESPACE_LABEL, Namespace } from "../model/names";
import { nodeNames } from "../model/nodeNames";

/** Names keepalived 2.2.7 refuses a second time ("already defined"): it skips the whole block.
 *  For the others it keeps both blocks silently, and references find only one of them. */
const REFUSED: ReadonlySet<Namespace> = new Set<Namespace>(["instance", "syncGroup", "bfd"]);

export const duplicateNameRule: NodeRule = {
  code: "duplicate-name",
  checkNode({ config, report }) {
    const names = nodeNames(config);
    const pairs = names.duplicates;
    for (let k = 0; k < pairs.length; k += 2) {
      const def = names.definitions[pairs[k]];
      const earlier = names.definitions[pairs[k + 1]];
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
