// A check that throws becomes one internal-error diagnostic; the other checks still report.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { NODE_RULES, FILE_RULES } from "../../server/src/core/rules";
import { CROSS_CLUSTER_RULES } from "../../server/src/core/cluster/rules";
import type { NodeRule, FileRule } from "../../server/src/core/check/rule";
import type { CrossClusterRule } from "../../server/src/core/cluster/rule";
import { guardWith } from "../../server/src/service/guard";

const CONFIG = "global_defs {\n  no_such_keyword 1\n}\n";

function withRule<T>(list: T[], rule: T, run: () => void): void {
  list.push(rule);
  try {
    run();
  } finally {
    list.splice(list.indexOf(rule), 1);
  }
}

test("a node rule that throws: one internal-error naming it, and the other rules still run", () => {
  const broken: NodeRule = { code: "broken-node", checkNode: () => { throw new TypeError("x is undefined"); } };
  withRule(NODE_RULES, broken, () => {
    const d = check(CONFIG);
    const errors = withCode(d, "internal-error");
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /'broken-node' failed .*TypeError: x is undefined/);
    assert.equal(withCode(d, "unknown-keyword").length, 1);
  });
});

test("a file rule that throws is isolated the same way", () => {
  const broken: FileRule = { code: "broken-file", checkFile: () => { throw new RangeError("Maximum call stack size exceeded"); } };
  withRule(FILE_RULES, broken, () => {
    const d = check(CONFIG);
    assert.equal(withCode(d, "internal-error").length, 1);
    assert.equal(withCode(d, "unknown-keyword").length, 1);
  });
});

test("a cluster rule that throws is isolated the same way", () => {
  const broken: CrossClusterRule = { code: "broken-cluster", checkClusters: () => { throw new Error("boom"); } };
  withRule(CROSS_CLUSTER_RULES, broken, () => {
    const d = check("vrrp_instance V {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n");
    assert.match(withCode(d, "internal-error")[0]?.message ?? "", /'broken-cluster' failed/);
  });
});

test("a request handler that throws answers with its empty result and a log line", async () => {
  const log: string[] = [];
  const guard = guardWith((m) => log.push(m));
  const sync = guard("hover", () => { throw new Error("bad"); }, null);
  assert.equal(sync(), null);
  const rejecting = guard("topology", async (): Promise<string[]> => { throw new Error("worse"); }, []);
  assert.deepEqual(await rejecting(), []);
  assert.equal(log.length, 2);
  assert.match(log[0], /hover failed: Error: bad/);
});
