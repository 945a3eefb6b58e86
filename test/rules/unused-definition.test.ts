import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

test("a vrrp_script nothing tracks is a warning", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  script /bin/true\n}\n"), "unused-definition"), [1]);
});

test("a tracked script is not reported", () => {
  const d = check("vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance V {\n  virtual_router_id 1\n  track_script {\n    chk\n  }\n}\n");
  assert.deepEqual(linesOf(d, "unused-definition"), []);
});
