// A track_script / track_file / track_process / track_bfd / sync-group member that names nothing:
// keepalived ignores the reference, so the tracking the user asked for never happens.
import type { NodeRule } from "../check/rule";
import * as path from "path";
import { NAMESPACE_LABEL, NameReference } from "../model/names";
import { nodeNames } from "../model/nodeNames";
import type { ConfigStatement } from "../config/expand";
import { closest, isSafeCorrection } from "../util/names";

/** A tracked script, file, process or BFD instance is looked up when keepalived reads the
 *  vrrp_instance or vrrp_sync_group line that tracks it (vrrp_track.c); sync-group members and
 *  checkers' names are looked up after the whole configuration is read. */
function resolvedWhileReading(ref: NameReference): boolean {
  return ref.ns !== "instance" && ref.ns !== "vsGroup" && (ref.owner === "vrrp_instance" || ref.owner === "vrrp_sync_group");
}

/** What a definition cannot do without: keepalived drops it at its end ("No script set for vrrp_script",
 *  "No file set for track_file", "process name not specified") and later references find nothing. */
const ESSENTIAL: Partial<Record<NameReference["ns"], string>> = { script: "script", trackFile: "file", trackProcess: "process" };

/** Whether a block has a `keyword VALUE` line directly inside it (a loop: asked for every reference on every keystroke). */
function setsValue(statement: ConfigStatement, keyword: string): boolean {
  const children = statement.children;
  if (!children) return false;
  for (let i = 0; i < children.length; i++) if (children[i].keyword.text === keyword && children[i].args.length > 0) return true;
  return false;
}

export const undefinedReferenceRule: NodeRule = {
  code: "undefined-reference",
  checkNode({ config, report }) {
    // The node's names and their lookups, built once per check (and kept while the names read the same).
    const names = nodeNames(config);
    const refs = names.references;
    for (let r = 0; r < refs.length; r++) {
      const ref = refs[r];
      if (ref.name.includes("$")) continue;
      const at = names.firstIndex(ref.ns, ref.name);
      const defined = at >= 0 ? names.definitions[at] : undefined;
      const essential = ESSENTIAL[ref.ns];
      if (defined && essential && resolvedWhileReading(ref) && !setsValue(defined.statement, essential)) {
        report({
          file: ref.word.file,
          range: ref.word.range,
          severity: "error",
          code: "undefined-reference",
          message: `${NAMESPACE_LABEL[ref.ns]} '${ref.name}' has no '${essential}': keepalived drops the definition when it reads it, so this reference is ignored too`,
        });
        continue;
      }
      if (defined && !(resolvedWhileReading(ref) && ref.top && names.definedAfter(at, r))) continue;
      if (defined) {
        const where = defined.word.file === ref.word.file ? `line ${defined.word.range.start.line + 1}` : `${path.basename(defined.word.file)}:${defined.word.range.start.line + 1}`;
        report({
          file: ref.word.file,
          range: ref.word.range,
          severity: "error",
          code: "undefined-reference",
          message: `${NAMESPACE_LABEL[ref.ns]} '${ref.name}' is defined further down (${where}): keepalived looks it up while reading this ${ref.owner}, does not find it yet and ignores the reference ("not found, ignoring"); move the definition above`,
        });
        continue;
      }
      const suggestions = closest(ref.name, names.namesIn(ref.ns));
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
