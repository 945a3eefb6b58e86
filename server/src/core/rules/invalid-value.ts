// Values keepalived refuses: wrong count, out of range, not in the allowed set, bad addresses.
import type { NodeRule, NodeContext } from "../check/rule";
import type { ConfigWord } from "../config/expand";
import { checkValue, describeType } from "../schema/values";
import { checkLine, checkVirtualServerArgs } from "../schema/lines";

function unresolved(w: ConfigWord): boolean {
  return /\$\{?[A-Za-z_]/.test(w.text);
}

export const invalidValueRule: NodeRule = {
  code: "invalid-value",
  perStatement: true,
  checkNode(ctx: NodeContext) {
    const { annotated, report } = ctx;
    for (const a of annotated) {
      const s = a.statement;
      if (a.context.kind === "lines") {
        const words = [s.keyword, ...s.args];
        if (words.some(unresolved)) continue;
        for (const p of checkLine(a.context.line, words.map((w) => w.text))) {
          const w = words[Math.min(p.word, words.length - 1)];
          report({ file: w.file, range: w.range, severity: "error", code: "invalid-value", message: p.message });
        }
        continue;
      }
      const spec = a.spec;
      if (!spec) continue;
      const required = spec.args.filter((x) => !x.optional).length;
      if (s.args.length < required) {
        const missing = spec.args.slice(s.args.length).filter((x) => !x.optional).map((x) => `<${x.label}>`).join(" ");
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "invalid-value",
          message: `'${spec.name}' needs ${required === 1 ? "a value" : `${required} values`}: ${spec.name} ${missing}; keepalived refuses the line, and for most keywords stops reading the configuration there ("missing a parameter")`,
        });
        continue;
      }
      if (spec.name === "virtual_server" && !s.args.some(unresolved)) {
        for (const p of checkVirtualServerArgs(s.args.map((w) => w.text))) {
          const w = s.args[p.word];
          report({ file: w.file, range: w.range, severity: "error", code: "invalid-value", message: p.message });
        }
      }
      s.args.forEach((w, i) => {
        const argSpec = i < spec.args.length ? spec.args[i] : spec.rest;
        if (!argSpec) {
          if (i === spec.args.length && spec.args.length > 0 && spec.args[spec.args.length - 1].type.kind !== "script") {
            report({ file: w.file, range: w.range, severity: "warning", code: "invalid-value", message: `'${spec.name}' takes ${spec.args.length} value${spec.args.length > 1 ? "s" : ""}; '${w.text}' and anything after it is ignored` });
          }
          return;
        }
        if (unresolved(w)) return;
        const msg = checkValue(argSpec.type, w.text);
        if (msg) {
          report({ file: w.file, range: w.range, severity: "error", code: "invalid-value", message: `${spec.name}: ${msg} (${argSpec.label}: ${describeType(argSpec.type)})` });
        }
      });
    }
  },
};
