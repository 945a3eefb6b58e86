import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

const strict = "global_defs {\n  vrrp_strict\n}\n";
const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n${body}\n}\n`;

test("strict mode: state MASTER without priority 255, and 255 with BACKUP", () => {
  assert.deepEqual(linesOf(check(strict + vi("  state MASTER\n  priority 100")), "address-owner"), [10]);
  assert.deepEqual(linesOf(check(strict + vi("  state BACKUP\n  priority 255")), "address-owner"), [10]);
});

test("strict mode: MASTER without a priority is the owner, so it is fine", () => {
  assert.deepEqual(linesOf(check(strict + vi("  state MASTER")), "address-owner"), []);
  assert.deepEqual(linesOf(check(strict + vi("  state MASTER\n  priority 255")), "address-owner"), []);
});

test("without strict mode a MASTER of lower priority is accepted", () => {
  assert.deepEqual(linesOf(check(vi("  state MASTER\n  priority 100")), "address-owner"), []);
});

test("nopreempt on the address owner is reset", () => {
  assert.deepEqual(linesOf(check(vi("  state BACKUP\n  priority 255\n  nopreempt")), "address-owner"), [9]);
  assert.deepEqual(linesOf(check(vi("  state BACKUP\n  priority 200\n  nopreempt")), "address-owner"), []);
});
