// An ip rule without `preference` (or `priority`/`order`): keepalived picks one itself, counting down
// from 16384 in the order rules are read, and warns that this is probably not what you want.
// Rules then change priority when lines are added or moved, and may sort before the main table.
import type { NodeRule } from "../check/rule";

const PREFERENCE_WORDS = new Set(["preference", "priority", "order"]);

export const ruleNoPreferenceRule: NodeRule = {
  code: "rule-no-preference",
  perStatement: true,
  checkNode({ annotated, report }) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      if (a.context.kind !== "lines" || a.context.line !== "rule") continue;
      const s = a.statement;
      const words = [s.keyword, ...s.args].map((w) => w.text);
      if (words.some((w) => w.includes("$") || PREFERENCE_WORDS.has(w))) continue;
      report({
        file: s.keyword.file,
        range: { start: s.keyword.range.start, end: (s.args[s.args.length - 1] ?? s.keyword).range.end },
        severity: "warning",
        code: "rule-no-preference",
        message: "This rule has no 'preference': keepalived assigns one itself (from 16384 down, in the order rules are read), so its place among the host's rules is accidental",
      });
    }
  },
};
