import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode, applyEdits } from "../helpers";

const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n${body}\n}\n`;

test("nopreempt with state MASTER: keepalived clears it; the fix starts as BACKUP", () => {
  const text = vi("  state MASTER\n  priority 150\n  nopreempt");
  const d = withCode(check(text), "nopreempt-ignored");
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.severity]), [[9, "warning"]]);
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.match(fixed, /state BACKUP/);
  assert.deepEqual(linesOf(check(fixed), "nopreempt-ignored"), []);
});

test("nopreempt with state BACKUP, a later `preempt`, or on the address owner: not this rule", () => {
  assert.deepEqual(linesOf(check(vi("  state BACKUP\n  priority 150\n  nopreempt")), "nopreempt-ignored"), []);
  assert.deepEqual(linesOf(check(vi("  state MASTER\n  priority 150")), "nopreempt-ignored"), []);
  assert.deepEqual(linesOf(check(vi("  state MASTER\n  priority 255\n  nopreempt")), "nopreempt-ignored"), [], "address-owner reports it");
});
