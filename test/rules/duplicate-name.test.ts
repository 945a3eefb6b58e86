import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

test("two vrrp_instance blocks with one name: the second is reported, pointing at the first", () => {
  const d = withCode(check("vrrp_instance VI_1 {\n  virtual_router_id 1\n}\nvrrp_instance VI_1 {\n  virtual_router_id 2\n}\n"), "duplicate-name");
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 3);
  assert.equal(d[0].related?.[0].range.start.line, 0);
});

test("a script and an instance may share a name", () => {
  const d = withCode(check("vrrp_script X {\n script /bin/true\n}\nvrrp_instance X {\n  virtual_router_id 2\n track_script {\n X\n}\n}\n"), "duplicate-name");
  assert.deepEqual(d, []);
});

test("a second vrrp_script of one name is a warning: keepalived keeps both silently", () => {
  const d = withCode(check("vrrp_script chk {\n script /bin/true\n}\nvrrp_script chk {\n script /bin/false\n}\n"), "duplicate-name");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "warning");
});

test("a second vrrp_instance of one name is an error: keepalived skips the block", () => {
  const d = withCode(check("vrrp_instance VI_1 {\n  virtual_router_id 1\n}\nvrrp_instance VI_1 {\n  virtual_router_id 2\n}\n"), "duplicate-name");
  assert.equal(d[0].severity, "error");
});
