// A vrrp_script (or track file/process, bfd_instance) that nothing tracks: it runs but changes nothing.
import type { NodeRule } from "../check/rule";
import { NAMESPACE_LABEL } from "../model/names";
import { nodeNames } from "../model/nodeNames";

const CHECKED = new Set(["script", "trackFile", "trackProcess"]);

export const unusedDefinitionRule: NodeRule = {
  code: "unused-definition",
  checkNode({ config, report }) {
    const names = nodeNames(config);
    const definitions = names.definitions;
    // Indexed: a for-of, run once per node before the optimizer steps in, made an iterator result per definition.
    for (let i = 0; i < definitions.length; i++) {
      const def = definitions[i];
      // A definition in a shared include may be meant for other nodes: only judge the node's own file.
      if (!CHECKED.has(def.ns) || def.word.file !== config.root || names.isReferenced(def.ns, def.name)) continue;
      report({
        file: def.word.file,
        range: def.word.range,
        severity: "warning",
        code: "unused-definition",
        message: `${NAMESPACE_LABEL[def.ns]} '${def.name}' is defined but nothing tracks it, so it cannot affect any VRRP instance`,
      });
    }
  },
};
