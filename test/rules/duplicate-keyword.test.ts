import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

test("priority set twice in one instance is a warning on the second", () => {
  const d = check("vrrp_instance VI_1 {\n  virtual_router_id 1\n  priority 100\n  priority 150\n}\n");
  assert.deepEqual(linesOf(d, "duplicate-keyword"), [4]);
  assert.equal(d.find((x) => x.code === "duplicate-keyword")?.severity, "warning");
});

test("the same keyword in two different instances is fine", () => {
  const d = check("vrrp_instance A {\n  virtual_router_id 1\n}\nvrrp_instance B {\n  virtual_router_id 2\n}\n");
  assert.deepEqual(linesOf(d, "duplicate-keyword"), []);
});

test("@id lines for different nodes do not count as duplicates", () => {
  const d = check("vrrp_instance A {\n  virtual_router_id 1\n@lb1  priority 150\n@lb2  priority 100\n}\n");
  assert.deepEqual(linesOf(d, "duplicate-keyword"), []);
});
