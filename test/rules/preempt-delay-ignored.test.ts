import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n${body}\n}\n`;

test("preempt_delay with state MASTER or next to nopreempt is dropped by keepalived", () => {
  const master = withCode(check(vi("  state MASTER\n  priority 150\n  preempt_delay 30")), "preempt-delay-ignored");
  assert.deepEqual(master.map((d) => [d.range.start.line + 1, d.severity]), [[9, "error"]]);
  assert.match(master[0].message, /state MASTER/);
  const both = withCode(check(vi("  state BACKUP\n  nopreempt\n  preempt_delay 30")), "preempt-delay-ignored");
  assert.match(both[0].message, /next to nopreempt/);
});

test("preempt_delay on a BACKUP without nopreempt works; strict mode is another rule's", () => {
  assert.deepEqual(linesOf(check(vi("  state BACKUP\n  priority 150\n  preempt_delay 30")), "preempt-delay-ignored"), []);
  assert.deepEqual(linesOf(check("global_defs {\n  vrrp_strict\n}\n" + vi("  state MASTER\n  preempt_delay 30")), "preempt-delay-ignored"), []);
});
