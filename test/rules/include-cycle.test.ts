import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

test("a file including itself through another is reported, and checking terminates", () => {
  const d = withCode(check({ "a.conf": "include b.conf\n", "b.conf": "include a.conf\n" }), "include-cycle");
  assert.ok(d.length >= 1);
  assert.match(d[0].message, /cycle/);
});

test("including the same file twice is not a cycle", () => {
  const d = withCode(check({ "a.conf": "include c.conf\ninclude c.conf\n", "c.conf": "global_defs {\n}\n" }), "include-cycle");
  assert.deepEqual(d, []);
});
