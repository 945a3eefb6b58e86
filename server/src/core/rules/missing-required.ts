// A block without a keyword keepalived cannot do without (e.g. virtual_router_id): it drops the block.
import type { NodeRule } from "../check/rule";
import { keywordsIn } from "../schema/registry";
import type { BlockId, KeywordSpec } from "../schema/types";

const requiredLists = new Map<BlockId, KeywordSpec[]>();

/** The keywords a block cannot do without, computed once per block. */
function requiredIn(block: BlockId): KeywordSpec[] {
  let list = requiredLists.get(block);
  if (!list) requiredLists.set(block, (list = keywordsIn(block).filter((k) => k.required)));
  return list;
}

export const missingRequiredRule: NodeRule = {
  code: "missing-required",
  perStatement: true,
  checkNode({ annotated, report }) {
    for (const a of annotated) {
      const body = a.spec?.body;
      const s = a.statement;
      if (!body || body.kind !== "keywords" || !s.children) continue;
      // A required keyword written without its value counts as absent: keepalived has nothing to use.
      const required = requiredIn(body.blockId);
      const isCheckerWithUrls = a.spec?.name === "HTTP_GET" || a.spec?.name === "SSL_GET";
      if (!required.length && !isCheckerWithUrls) continue;
      const children = s.children;
      // A block requires a keyword or two: looked for directly, no set of everything present.
      const present = (name: string) => children.some((c) => c.keyword.text === name && (c.args.length > 0 || c.children));
      for (const req of required) {
        if (present(req.name)) continue;
        const name = s.args[0] ? ` ${s.args[0].text}` : "";
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "missing-required",
          message: `${s.keyword.text}${name} has no '${req.name}': keepalived will not use this block without it`,
        });
      }
      // An HTTP_GET/SSL_GET whose every url lacks a path has no url left: keepalived drops the checker too.
      // (No url at all is the `url` requirement above.)
      if (isCheckerWithUrls && present("url") && !s.children.some((c) => c.keyword.text === "url" && c.children?.some((u) => u.keyword.text === "path"))) {
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "missing-required",
          message: `${s.keyword.text} has no url with a 'path': keepalived ignores this checker ("has no urls specified"), so the real server is never checked this way`,
        });
      }
    }
  },
};
