import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

test("a definition that refers to itself: one warning on the use, the rest is checked", () => {
  const d = withCode(check("$A=$A x\nglobal_defs {\n  router_id $A\n}\n"), "expansion-limit");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "warning");
  assert.equal(d[0].range.start.line, 2);
});

test("~SEQ repetitions past the budget: one warning where the budget ran out", () => {
  const d = withCode(check({ "keepalived.conf": "~SEQ(i,1,4096) include b.conf\n", "b.conf": "~SEQ(j,1,4096) vrrp_script s$j {\n  script /bin/true\n}\n" }), "expansion-limit");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /more than 25000 statements/);
});

test("ordinary sequences and definitions stay silent", () => {
  assert.deepEqual(withCode(check("$IF=eth0\n~SEQ(i,1,200) vrrp_script s$i {\n  script /bin/true\n}\nglobal_defs {\n  router_id $IF\n}\n"), "expansion-limit"), []);
});
