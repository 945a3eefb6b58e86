// Old spellings keepalived still reads but may drop; the fix writes the current keyword.
import type { NodeRule } from "../check/rule";
import type { Diagnostic, Fix } from "../check/diagnostic";
import { annotatedWhere, AnnotatedStatement } from "../config/annotate";
import type { KeywordSpec } from "../schema/types";
import { moveLvsSyncDaemonFix } from "../fixes/moveLvsSyncDaemon";

/** Old words inside route lines (static_routes, virtual_routes) that keepalived still reads with a warning. */
const ROUTE_WORDS: Record<string, { replacement: string; note: string }> = {
  gw: { replacement: "via", note: "keepalived logs '\"gw\" for routes is deprecated'" },
  or: { replacement: "nexthop", note: "write each gateway as 'nexthop via ADDRESS'; keepalived logs '\"or\" for routes is deprecated'" },
};

/** The one old keyword whose fix reads the rest of the node (it moves the setting to global_defs). */
const LVS_SYNC_DAEMON_INTERFACE = "lvs_sync_daemon_interface";
const isLvsSyncDaemonInterface = (spec: KeywordSpec) => spec.name === LVS_SYNC_DAEMON_INTERFACE;

/** Per top-level statement: what is reported depends on the statement alone, so a keystroke re-checks the edited one. */
export const deprecatedKeywordRule: NodeRule = {
  code: "deprecated-keyword",
  perStatement: true,
  checkNode({ annotated, report }) {
    // Indexed: a for-of made an iterator per step, before the optimizer stepped in.
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      if (a.context.kind === "lines" && a.context.line === "route") {
        for (const w of a.statement.args) {
          const dep = ROUTE_WORDS[w.text];
          if (!dep || w.quoted) continue;
          report({
            file: w.file,
            range: w.range,
            severity: "warning",
            code: "deprecated-keyword",
            message: `'${w.text}' in a route is deprecated; use '${dep.replacement}' (${dep.note})`,
            fixes: w.text === "gw" && !w.substituted ? [{ title: "Replace with 'via'", preferred: true, edits: [{ file: w.file, range: w.range, newText: "via" }] }] : [],
          });
        }
        continue;
      }
      const dep = deprecation(a);
      if (!dep) continue;
      const kw = a.statement.keyword;
      if (kw.text === LVS_SYNC_DAEMON_INTERFACE) continue; // deprecatedLvsSyncDaemonRule's
      report(deprecatedAt(a, dep.replacement && !kw.substituted ? [{ title: `Replace with '${dep.replacement}'`, preferred: true, edits: [{ file: kw.file, range: kw.range, newText: dep.replacement }] }] : []));
    }
  },
};

/** lvs_sync_daemon_interface, whose fix reads the node's other statements: checked over the whole node. */
export const deprecatedLvsSyncDaemonRule: NodeRule = {
  code: "deprecated-keyword",
  checkNode({ config, annotated, access, report }) {
    const found = annotatedWhere(annotated, isLvsSyncDaemonInterface);
    for (let i = 0; i < found.length; i++) {
      const a = found[i];
      if (!deprecation(a) || a.statement.keyword.text !== LVS_SYNC_DAEMON_INTERFACE) continue;
      report(deprecatedAt(a, [moveLvsSyncDaemonFix(a, annotated, config.root, config.statements, (f) => access.read(f))].filter((f) => !!f)));
    }
  },
};

/** A keyword no current release knows is keyword-not-in-version's (an error), not a deprecation. */
function deprecation(a: AnnotatedStatement): NonNullable<KeywordSpec["deprecated"]> | undefined {
  const dep = a.spec?.deprecated;
  return dep && !a.spec?.removedAfter ? dep : undefined;
}

function deprecatedAt(a: AnnotatedStatement, fixes: Fix[]): Diagnostic {
  const dep = deprecation(a)!;
  const kw = a.statement.keyword;
  return {
    file: kw.file,
    range: kw.range,
    // keepalived reads a silent old name exactly like the new one: nothing is at risk (issue 11).
    severity: dep.silent ? "hint" : "warning",
    code: "deprecated-keyword",
    message: `'${kw.text}' is deprecated` + (dep.replacement ? `; use '${dep.replacement}'` : "") + (dep.note ? ` (${dep.note})` : ""),
    fixes,
  };
}
