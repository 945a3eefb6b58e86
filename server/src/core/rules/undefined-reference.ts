// A track_script / track_file / track_process / track_bfd / sync-group member that names nothing:
// keepalived ignores the reference, so the tracking the user asked for never happens.
import type { NodeRule } from "../check/rule";
import * as path from "path";
import { definitionsOf, referencesOf, NAMESPACE_LABEL, NameReference, NameDefinition } from "../model/names";
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

export const undefinedReferenceRule: NodeRule = {
  code: "undefined-reference",
  checkNode({ config, annotated, report }) {
    const refs = referencesOf(annotated);
    if (!refs.length) return;
    // Indexes, not every reference against every definition: a node may define thousands.
    const byNamespace = new Map<NameReference["ns"], NameDefinition[]>();
    // By namespace, then name: no key string built per definition and per reference on every keystroke.
    const firstByName = new Map<NameReference["ns"], Map<string, NameDefinition>>();
    for (const d of definitionsOf(config.statements)) {
      const list = byNamespace.get(d.ns);
      if (list) list.push(d);
      else byNamespace.set(d.ns, [d]);
      let names = firstByName.get(d.ns);
      if (!names) firstByName.set(d.ns, (names = new Map()));
      if (!names.has(d.name)) names.set(d.name, d);
    }
    let order: Map<ConfigStatement, number> | undefined;
    const positions = () => {
      const m = new Map<ConfigStatement, number>();
      for (let i = 0; i < config.statements.length; i++) m.set(config.statements[i], i);
      return m;
    };
    const position = (s: ConfigStatement) => (order ??= positions()).get(s)!;
    for (const ref of refs) {
      if (ref.name.includes("$")) continue;
      const defined = firstByName.get(ref.ns)?.get(ref.name);
      const essential = ESSENTIAL[ref.ns];
      if (defined && essential && resolvedWhileReading(ref) && !defined.statement.children?.some((c) => c.keyword.text === essential && c.args.length > 0)) {
        report({
          file: ref.word.file,
          range: ref.word.range,
          severity: "error",
          code: "undefined-reference",
          message: `${NAMESPACE_LABEL[ref.ns]} '${ref.name}' has no '${essential}': keepalived drops the definition when it reads it, so this reference is ignored too`,
        });
        continue;
      }
      if (defined && !(resolvedWhileReading(ref) && ref.top && position(defined.statement) > position(ref.top))) continue;
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
      const suggestions = closest(ref.name, (byNamespace.get(ref.ns) ?? []).map((d) => d.name));
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
