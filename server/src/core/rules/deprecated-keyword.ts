// Old spellings keepalived still reads but may drop; the fix writes the current keyword.
import type { NodeRule } from "../check/rule";

export const deprecatedKeywordRule: NodeRule = {
  code: "deprecated-keyword",
  checkNode({ annotated, report }) {
    for (const a of annotated) {
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
