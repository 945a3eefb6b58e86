import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode, applyEdits } from "../helpers";

test("lb_algo is deprecated; the fix writes lvs_sched and the warning goes away", () => {
  const text = "virtual_server 192.0.2.1 80 {\n  lb_algo rr # round robin\n}\n";
  const d = withCode(check(text), "deprecated-keyword");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /lvs_sched/);
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.equal(fixed, "virtual_server 192.0.2.1 80 {\n  lvs_sched rr # round robin\n}\n");
  assert.deepEqual(withCode(check(fixed), "deprecated-keyword"), []);
});
