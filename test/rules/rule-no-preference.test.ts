import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

test("an ip rule without preference is a warning", () => {
  const d = check("static_rules {\n  from 10.0.0.0/24 table 2\n}\n");
  assert.deepEqual(linesOf(d, "rule-no-preference"), [2]);
  assert.equal(withCode(d, "rule-no-preference")[0].severity, "warning");
});

test("preference, priority or order silences it", () => {
  const d = check("static_rules {\n  from 10.0.0.0/24 table 2 preference 100\n  to 10.0.1.0/24 table 2 priority 101\n  to 10.0.2.0/24 table 2 order 102\n}\n");
  assert.deepEqual(linesOf(d, "rule-no-preference"), []);
});
