// keepalived sends at most 8 characters of a PASS password: the rest is silently dropped,
// so two peers whose passwords differ only after character 8 still agree.
import type { NodeRule } from "../check/rule";

export const AUTH_PASS_LENGTH = 8;

export const authPassTruncatedRule: NodeRule = {
  code: "auth-pass-truncated",
  perStatement: true,
  checkNode({ annotated, report }) {
    for (const a of annotated) {
      if (a.spec?.name !== "auth_pass") continue;
      const w = a.statement.args[0];
      if (!w || w.text.length <= AUTH_PASS_LENGTH) continue;
      const kept = w.text.slice(0, AUTH_PASS_LENGTH);
      report({
        file: w.file,
        range: w.range,
        severity: "warning",
        code: "auth-pass-truncated",
        message: `auth_pass is ${w.text.length} characters long; keepalived uses only the first ${AUTH_PASS_LENGTH} ('${kept}')`,
        fixes: w.substituted ? [] : [{ title: `Shorten to '${kept}'`, edits: [{ file: w.file, range: w.range, newText: w.quoted ? `"${kept}"` : kept }] }],
      });
    }
  },
};
