// With a target version set: a keyword that this keepalived release does not have yet (or any more).
import type { NodeRule } from "../check/rule";
import { compareVersions } from "../util/version";

export const keywordNotInVersionRule: NodeRule = {
  code: "keyword-not-in-version",
  checkNode({ annotated, options, report }) {
    const target = options.targetVersion;
    if (!target) return;
    for (const a of annotated) {
      const spec = a.spec;
      if (!spec) continue;
      const kw = a.statement.keyword;
      if (spec.since && compareVersions(spec.since, target) > 0) {
        report({ file: kw.file, range: kw.range, severity: "error", code: "keyword-not-in-version", message: `'${spec.name}' needs keepalived ${spec.since} or later; keepalived ${target} reports it as an unknown keyword` });
      } else if (spec.removedAfter && compareVersions(spec.removedAfter, target) < 0) {
        report({ file: kw.file, range: kw.range, severity: "error", code: "keyword-not-in-version", message: `'${spec.name}' was removed after keepalived ${spec.removedAfter}; keepalived ${target} does not know it` });
      }
    }
  },
};
