// Old spellings keepalived still reads but may drop; the fix writes the current keyword.
import type { NodeRule } from "../check/rule";

/** Old words inside route lines (static_routes, virtual_routes) that keepalived still reads with a warning. */
const ROUTE_WORDS: Record<string, { replacement: string; note: string }> = {
  gw: { replacement: "via", note: "keepalived logs '\"gw\" for routes is deprecated'" },
  or: { replacement: "nexthop", note: "write each gateway as 'nexthop via ADDRESS'; keepalived logs '\"or\" for routes is deprecated'" },
};

export const deprecatedKeywordRule: NodeRule = {
  code: "deprecated-keyword",
  perStatement: true,
  checkNode({ annotated, report }) {
    for (const a of annotated) {
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
      if (!dep) continue;
      const kw = a.statement.keyword;
      const message =
        `'${kw.text}' is deprecated` + (dep.replacement ? `; use '${dep.replacement}'` : "") + (dep.note ? ` (${dep.note})` : "");
      report({
        file: kw.file,
        range: kw.range,
        severity: "warning",
        code: "deprecated-keyword",
        message,
        fixes:
          dep.replacement && !kw.substituted
            ? [{ title: `Replace with '${dep.replacement}'`, preferred: true, edits: [{ file: kw.file, range: kw.range, newText: dep.replacement }] }]
            : [],
      });
    }
  },
};
