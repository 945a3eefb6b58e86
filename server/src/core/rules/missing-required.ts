// A block without a keyword keepalived cannot do without (e.g. virtual_router_id): it drops the block.
import type { NodeRule } from "../check/rule";
import { keywordsIn } from "../schema/registry";
import type { BlockId, KeywordSpec } from "../schema/types";
import type { ConfigStatement } from "../config/expand";
import { compareVersions } from "../util/version";

const requiredLists = new Map<BlockId, KeywordSpec[]>();

/** The keywords a block cannot do without, computed once per block. */
function requiredIn(block: BlockId): KeywordSpec[] {
  let list = requiredLists.get(block);
  if (!list) requiredLists.set(block, (list = keywordsIn(block).filter((k) => k.required)));
  return list;
}

// Loops, not closures over `name`: a closure made V8 allocate a context on every call.
function hasValue(s: ConfigStatement, name: string): boolean {
  const children = s.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.keyword.text === name && (c.args.length > 0 || (c.children?.length ?? 0) > 0)) return true;
  }
  return false;
}

function has(s: ConfigStatement, name: string): boolean {
  const children = s.children ?? [];
  for (let i = 0; i < children.length; i++) if (children[i].keyword.text === name) return true;
  return false;
}

/** keepalived's minimum check (vrrp.c chk_min_cfg) refuses an instance without an interface, and
 *  with it the whole VRRP configuration. Unicast lets it go without one: with unicast peers before
 *  2.2.5, never from 2.2.5 to 2.2.7 (the unicast flag is set after the check), and from 2.2.8 with
 *  any unicast keyword. */
function needsInterface(instance: ConfigStatement, target: string | undefined): boolean {
  // `interface` without its name is invalid-value's: keepalived stops reading there ("missing a parameter").
  if (has(instance, "interface")) return false;
  if (target && compareVersions(target, "2.2.5") < 0) return !hasValue(instance, "unicast_peer");
  if (target && compareVersions(target, "2.2.7") <= 0) return true;
  return !["unicast_peer", "unicast_src_ip", "unicast_fault_no_peer", "check_unicast_src", "unicast_checksum_compat"].some((k) => has(instance, k));
}

/** Whether a line of `children` sets `name`: it has a value or a block. */
function setsKeyword(children: ConfigStatement[], name: string): boolean {
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.keyword.text === name && (c.args.length > 0 || c.children)) return true;
  }
  return false;
}

export const missingRequiredRule: NodeRule = {
  code: "missing-required",
  perStatement: true,
  checkNode({ annotated, report, options }) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      const spec = a.spec;
      const body = spec?.body;
      if (!body || body.kind !== "keywords") continue;
      const s = a.statement;
      if (!s.children) continue;
      // A required keyword written without its value counts as absent: keepalived has nothing to use.
      const required = requiredIn(body.blockId);
      const specName = spec!.name;
      const isCheckerWithUrls = specName === "HTTP_GET" || specName === "SSL_GET";
      if (!required.length && !isCheckerWithUrls && specName !== "authentication" && specName !== "vrrp_instance") continue;
      const children = s.children;
      // A block requires a keyword or two: looked for directly (setsKeyword), no set of everything present.
      for (let ri = 0; ri < required.length; ri++) {
        const req = required[ri];
        if (setsKeyword(children, req.name)) continue;
        const name = s.args[0] ? ` ${s.args[0].text}` : "";
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "missing-required",
          message: `${s.keyword.text}${name} has no '${req.name}': keepalived will not use this block without it`,
        });
      }
      if (specName === "vrrp_instance" && a.parents.length === 0 && needsInterface(s, options.targetVersion)) {
        const unicastToo = options.targetVersion && compareVersions(options.targetVersion, "2.2.5") >= 0 && compareVersions(options.targetVersion, "2.2.7") <= 0 && has(s, "unicast_peer");
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "missing-required",
          message:
            `vrrp_instance${s.args[0] ? ` ${s.args[0].text}` : ""} has no 'interface': keepalived refuses the whole VRRP configuration ("Unknown interface!"), so no instance of this node runs` +
            (unicastToo ? ` (keepalived ${options.targetVersion} needs it with unicast peers too; 2.2.8 and later do not)` : ""),
        });
      }
      // An authentication type without a password: keepalived drops the authentication (vrrp_complete_instance).
      // (An auth_pass without its value is invalid-value's: keepalived stops reading there.)
      if (specName === "authentication" && s.children.some((c) => c.keyword.text === "auth_type" && (c.args[0]?.text === "PASS" || c.args[0]?.text === "AH")) && !has(s, "auth_pass")) {
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "missing-required",
          message: `authentication has an auth_type but no 'auth_pass': keepalived ignores the authentication ("Authentication specified but no password given")`,
        });
      }
      // An HTTP_GET/SSL_GET whose every url lacks a path has no url left: keepalived drops the checker too.
      // (No url at all is the `url` requirement above.)
      if (isCheckerWithUrls && setsKeyword(children, "url") && !s.children.some((c) => c.keyword.text === "url" && c.children?.some((u) => u.keyword.text === "path"))) {
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
