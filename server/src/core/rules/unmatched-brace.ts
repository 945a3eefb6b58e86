// A `}` that keepalived pairs differently from how it is written: the `{` of an unknown keyword (or
// of one that takes no block) is ignored, so its `}` ends the enclosing block instead, and at the
// top level it is an unknown keyword of its own. See config/nesting.ts.
import type { NodeRule } from "../check/rule";

function lineOf(r: { start: { line: number } }): number {
  return r.start.line + 1;
}

export const unmatchedBraceRule: NodeRule = {
  code: "unmatched-brace",
  checkNode({ config, report }) {
    for (const note of config.braceNotes) {
      const kw = note.ignored.keyword;
      const why = `keepalived ignores the '{' of '${kw.text}' (line ${lineOf(kw.range)}) because that keyword opens no block here`;
      if (note.kind === "stray") {
        report({
          file: note.file,
          range: note.range,
          severity: "error",
          code: "unmatched-brace",
          message: `This '}' closes nothing: ${why}, so keepalived reads it as an unknown keyword '}'`,
          related: [{ file: kw.file, range: kw.range, message: "block keepalived does not open" }],
        });
      } else {
        const closed = note.closes!;
        const name = closed.args[0] ? ` ${closed.args[0].text}` : "";
        report({
          file: note.file,
          range: note.range,
          severity: "warning",
          code: "unmatched-brace",
          message: `keepalived takes this '}' as the end of '${closed.keyword.text}${name}' (line ${lineOf(closed.keyword.range)}): ${why}; what follows is read one level up`,
          related: [
            { file: kw.file, range: kw.range, message: "block keepalived does not open" },
            { file: closed.keyword.file, range: closed.keyword.range, message: "block this '}' ends" },
          ],
        });
      }
    }
  },
};
