import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n${body}\n}\n`;

test("preempt_delay with state MASTER or next to nopreempt is dropped by keepalived", () => {
  const master = withCode(check(vi("  state MASTER\n  priority 150\n  preempt_delay 30")), "preempt-delay-ignored");
  assert.deepEqual(master.map((d) => [d.range.start.line + 1, d.severity]), [[9, "warning"]]);
  assert.match(master[0].message, /state MASTER/);
  const both = withCode(check(vi("  state BACKUP\n  nopreempt\n  preempt_delay 30")), "preempt-delay-ignored");
  assert.match(both[0].message, /next to nopreempt/);
});

test("preempt_delay on a BACKUP without nopreempt works; strict mode is another rule's", () => {
  assert.deepEqual(linesOf(check(vi("  state BACKUP\n  priority 150\n  preempt_delay 30")), "preempt-delay-ignored"), []);
  assert.deepEqual(linesOf(check("global_defs {\n  vrrp_strict\n}\n" + vi("  state MASTER\n  preempt_delay 30")), "preempt-delay-ignored"), []);
});

test("across the cluster: preempt_delay on a member that never outranks the others waits for nothing", () => {
  const node = (name: string, prio: number, extra = "") =>
    `global_defs {\n  router_id ${name}\n}\nvrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 1\n  priority ${prio}\n  unicast_src_ip 10.0.0.${prio === 150 ? 1 : 2}\n  unicast_peer {\n    10.0.0.${prio === 150 ? 2 : 1}\n  }\n  virtual_ipaddress {\n    10.0.0.10/24\n  }\n${extra}}\n`;
  const low = withCode(check({ "a/keepalived.conf": node("a", 150), "b/keepalived.conf": node("b", 100, "  preempt_delay 30\n") }), "preempt-delay-ignored");
  assert.deepEqual(low.map((d) => [d.file.includes("/b/"), d.severity]), [[true, "warning"]]);
  assert.match(low[0].message, /never preempts/);
  // On the higher member it delays the take-back: silent.
  assert.deepEqual(withCode(check({ "a/keepalived.conf": node("a", 150, "  preempt_delay 30\n"), "b/keepalived.conf": node("b", 100) }), "preempt-delay-ignored"), []);
});
