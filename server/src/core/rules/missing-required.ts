// A block without a keyword keepalived cannot do without (e.g. virtual_router_id): it drops the block.
import type { NodeRule } from "../check/rule";
import { keywordsIn } from "../schema/registry";

export const missingRequiredRule: NodeRule = {
  code: "missing-required",
  perStatement: true,
  checkNode({ annotated, report }) {
    for (const a of annotated) {
      const body = a.spec?.body;
      const s = a.statement;
      if (!body || body.kind !== "keywords" || !s.children) continue;
      const present = new Set(s.children.map((c) => c.keyword.text));
      for (const req of keywordsIn(body.blockId).filter((k) => k.required)) {
        if (present.has(req.name)) continue;
        const name = s.args[0] ? ` ${s.args[0].text}` : "";
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "missing-required",
          message: `${s.keyword.text}${name} has no '${req.name}': keepalived will not use this block without it`,
        });
      }
    }
  },
};
