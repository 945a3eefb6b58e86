// A vrrp_script (or track file/process, bfd_instance) that nothing tracks: it runs but changes nothing.
import type { NodeRule } from "../check/rule";
import { definitionsOf, referencesOf, NAMESPACE_LABEL } from "../model/names";

const CHECKED = new Set(["script", "trackFile", "trackProcess"]);

export const unusedDefinitionRule: NodeRule = {
  code: "unused-definition",
  checkNode({ config, annotated, report }) {
    // A definition in a shared include may be meant for other nodes: only judge the node's own file.
    const judged = definitionsOf(config.statements).filter((def) => CHECKED.has(def.ns) && def.word.file === config.root);
    if (!judged.length) return; // nothing to judge: the references need not be collected
    const used = new Set(referencesOf(annotated).map((r) => `${r.ns}\u0000${r.name}`));
    for (const def of judged) {
      if (used.has(`${def.ns}\u0000${def.name}`)) continue;
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
