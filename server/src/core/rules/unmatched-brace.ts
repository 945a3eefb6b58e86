// A `}` that keepalived pairs differently from how it is written: the `{` of an unknown keyword (or
// of one that takes no block) is ignored, so its `}` ends the enclosing block instead, and at the
// top level it is an unknown keyword of its own. The processes that do not own a block skip it by
// counting its braces instead: a block that surfaced after such a `}` can be read by none of them
// (a `}` missing from global_defs hides every vrrp_instance after it). See config/nesting.ts.
import type { NodeRule } from "../check/rule";

function lineOf(r: { start: { line: number } }): number {
  return r.start.line + 1;
}

export const unmatchedBraceRule: NodeRule = {
  code: "unmatched-brace",
  checkNode({ config, report }) {
    for (const note of config.braceNotes) {
      if (note.kind === "unread") {
        const s = note.ignored;
        const around = note.skippedWith!;
        const name = s.args[0] && s.children ? ` ${s.args[0].text}` : "";
        const aroundName = around.args[0] ? ` ${around.args[0].text}` : "";
        const end = around.block?.close ? `only at line ${lineOf(around.block.close)}` : "never (a '}' is missing)";
        const who = note.owners!.length === 1 ? `its ${note.owners![0]} process` : `the processes that read it (${note.owners!.join(", ")})`;
        report({
          file: note.file,
          range: note.range,
          severity: "error",
          code: "unmatched-brace",
          message:
            `keepalived never reads '${s.keyword.text}${name}': ${who} skips '${around.keyword.text}${aroundName}' (line ${lineOf(around.keyword.range)}) by counting braces, ` +
            `and they pair up ${end}, so this is skipped with it`,
          related: [{ file: around.keyword.file, range: around.keyword.range, message: "block whose braces do not pair up" }],
        });
        continue;
      }
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
