// A track_script / track_file / track_process / track_bfd / sync-group member that names nothing:
// keepalived ignores the reference, so the tracking the user asked for never happens.
import type { NodeRule } from "../check/rule";
import { definitionsOf, referencesOf, NAMESPACE_LABEL } from "../model/names";
import { closest, isSafeCorrection } from "../util/names";

export const undefinedReferenceRule: NodeRule = {
  code: "undefined-reference",
  checkNode({ config, annotated, report }) {
    const defs = definitionsOf(config.statements);
    for (const ref of referencesOf(annotated)) {
      if (ref.name.includes("$")) continue;
      const candidates = defs.filter((d) => d.ns === ref.ns);
      if (candidates.some((d) => d.name === ref.name)) continue;
      const suggestions = closest(ref.name, candidates.map((d) => d.name));
      report({
        file: ref.word.file,
        range: ref.word.range,
        severity: "error",
        code: "undefined-reference",
        message:
          `${NAMESPACE_LABEL[ref.ns]} '${ref.name}' is not defined; keepalived ignores this reference` +
          (suggestions.length ? `. Did you mean '${suggestions[0]}'?` : ""),
        fixes: ref.word.substituted
          ? []
          : suggestions.map((s, i) => ({ title: `Change to '${s}'`, preferred: i === 0, safe: suggestions.length === 1 && isSafeCorrection(ref.name, s), edits: [{ file: ref.word.file, range: ref.word.range, newText: s }] })),
      });
    }
  },
};
