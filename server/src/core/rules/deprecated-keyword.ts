// Old spellings keepalived still reads but may drop; the fix writes the current keyword.
import type { NodeRule } from "../check/rule";
import { moveLvsSyncDaemonFix } from "../fixes/moveLvsSyncDaemon";

/** Old words inside route lines (static_routes, virtual_routes) that keepalived still reads with a warning. */
const ROUTE_WORDS: Record<string, { replacement: string; note: string }> = {
  gw: { replacement: "via", note: "keepalived logs '\"gw\" for routes is deprecated'" },
  or: { replacement: "nexthop", note: "write each gateway as 'nexthop via ADDRESS'; keepalived logs '\"or\" for routes is deprecated'" },
};

export const deprecatedKeywordRule: NodeRule = {
  code: "deprecated-keyword",
  checkNode({ config, annotated, access, report }) {
    // Indexed: runs once over every statement of a node, before the optimizer would remove a for-of's per-step result.
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
      const dep = a.spec?.deprecated;
      // A keyword no current release knows is keyword-not-in-version's (an error), not a deprecation.
      if (!dep || a.spec?.removedAfter) continue;
      const kw = a.statement.keyword;
      const message =
        `'${kw.text}' is deprecated` + (dep.replacement ? `; use '${dep.replacement}'` : "") + (dep.note ? ` (${dep.note})` : "");
      report({
        file: kw.file,
        range: kw.range,
        // keepalived reads a silent old name exactly like the new one: nothing is at risk (issue 11).
        severity: dep.silent ? "hint" : "warning",
        code: "deprecated-keyword",
        message,
        fixes:
          kw.text === "lvs_sync_daemon_interface"
            ? [moveLvsSyncDaemonFix(a, annotated, config.root, config.statements, (f) => access.read(f))].filter((f) => !!f)
            : dep.replacement && !kw.substituted
              ? [{ title: `Replace with '${dep.replacement}'`, preferred: true, edits: [{ file: kw.file, range: kw.range, newText: dep.replacement }] }]
              : [],
      });
    }
  },
};
