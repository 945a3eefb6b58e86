// With a target version set: a keyword that this keepalived release does not have yet (or any more).
import type { NodeRule } from "../check/rule";
import type { KeywordSpec } from "../schema/types";
import { compareVersions } from "../util/version";

/** Why `spec` is not in `target`, or undefined when it is. */
export function versionProblem(spec: KeywordSpec, target: string): string | undefined {
  if (spec.since && compareVersions(spec.since, target) > 0) return `'${spec.name}' needs keepalived ${spec.since} or later; keepalived ${target} reports it as an unknown keyword`;
  if (spec.removedAfter && compareVersions(spec.removedAfter, target) < 0)
    return `'${spec.name}' was removed after keepalived ${spec.removedAfter}; keepalived ${target} does not know it` + (spec.deprecated?.replacement ? `: use '${spec.deprecated.replacement}'` : "");
  return undefined;
}

/**
 * Each spec is judged once per target version, not once per statement (the rule runs per top-level
 * statement): the verdicts for one target at a time, one lookup per statement (null: no problem).
 */
let judgedTarget: string | undefined;
let judged = new Map<KeywordSpec, string | null>();
function judgedProblem(spec: KeywordSpec, target: string): string | undefined {
  if (target !== judgedTarget) (judgedTarget = target), (judged = new Map());
  let verdict = judged.get(spec);
  if (verdict === undefined) judged.set(spec, (verdict = versionProblem(spec, target) ?? null));
  return verdict ?? undefined;
}

export const keywordNotInVersionRule: NodeRule = {
  code: "keyword-not-in-version",
  perStatement: true,
  checkNode({ annotated, options, report }) {
    const target = options.targetVersion;
    if (!target) {
      // Without a target, the newest release is meant: a removed keyword is unknown to it too.
      // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
      for (let i = 0; i < annotated.length; i++) {
        const a = annotated[i];
        const spec = a.spec;
        if (!spec?.removedAfter) continue;
        const kw = a.statement.keyword;
        const replacement = spec.deprecated?.replacement;
        report({
          file: kw.file,
          range: kw.range,
          severity: "error",
          code: "keyword-not-in-version",
          message: `'${spec.name}' was removed after keepalived ${spec.removedAfter}: current releases report it as an unknown keyword and ignore the line` + (replacement ? `; use '${replacement}'` : ""),
          fixes: replacement && !kw.substituted ? [{ title: `Replace with '${replacement}'`, preferred: true, edits: [{ file: kw.file, range: kw.range, newText: replacement }] }] : [],
        });
      }
      return;
    }
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      const spec = a.spec;
      if (!spec || (!spec.since && !spec.removedAfter)) continue;
      const message = judgedProblem(spec, target);
      const kw = a.statement.keyword;
      if (message) report({ file: kw.file, range: kw.range, severity: "error", code: "keyword-not-in-version", message });
    }
  },
};
