import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

test("a vrrp_instance without virtual_router_id is reported on its keyword", () => {
  const d = check("vrrp_instance VI_1 {\n  state MASTER\n}\n");
  assert.deepEqual(linesOf(d, "missing-required"), [1]);
  assert.match(withCode(d, "missing-required")[0].message, /virtual_router_id/);
});

test("a vrrp_script without script is reported", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  interval 2\n}\n"), "missing-required"), [1]);
});

test("complete blocks are not reported", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance VI_1 {\n  virtual_router_id 5\n track_script {\n chk\n}\n}\n"), "missing-required"), []);
});
