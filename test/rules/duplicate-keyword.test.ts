import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

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

test("notify_master twice: keepalived keeps the first (\"already specified - ignoring\"), advert_int twice: the last", () => {
  const d = check("vrrp_instance VI_1 {\n  virtual_router_id 1\n  notify_master /bin/true\n  notify_master /bin/false\n  advert_int 1\n  advert_int 2\n}\n").filter((x) => x.code === "duplicate-keyword");
  assert.deepEqual(d.map((x) => x.range.start.line + 1), [4, 6]);
  assert.match(d[0].message, /keeps the first value and ignores this one/);
  assert.equal(d[0].related?.[0].range.start.line, 2);
  assert.match(d[1].message, /uses the last value/);
});

test("in global_defs, a second startup_script is ignored, a second router_id replaces the first", () => {
  const d = check("global_defs {\n  startup_script /bin/a\n  startup_script /bin/b\n  router_id a\n  router_id b\n}\n").filter((x) => x.code === "duplicate-keyword");
  assert.deepEqual(d.map((x) => /keeps the first/.test(x.message)), [true, false]);
});

test("the same script twice in one track_script block: keepalived ignores the second line", () => {
  const d = check("vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n  track_script {\n    chk\n    chk weight 10\n  }\n}\n").filter((x) => x.code === "duplicate-keyword");
  assert.deepEqual(d.map((x) => x.range.start.line + 1), [8]);
  assert.match(d[0].message, /tracked twice/);
});

test("a script in two track_script blocks of one instance: keepalived reads them as one list and ignores the second", () => {
  // keepalived 2.2.7 -t: "(VI_1) duplicate track_script chk - ignoring" on line 14.
  const text =
    "vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n" +
    "  track_script {\n    chk\n  }\n  track_script {\n    chk\n  }\n}\n";
  const d = withCode(check(text), "duplicate-keyword");
  assert.deepEqual(d.map((x) => x.range.start.line + 1), [14]);
  assert.match(d[0].message, /another 'track_script' block of this vrrp_instance; keepalived reads both/);
  // Where the kept line is: the related location (the message names no line, which an edit above would leave stale).
  assert.deepEqual(d[0].related?.map((r) => r.range.start.line + 1), [11]);
  // The same name in two instances is no duplicate.
  const two = text.replace(/  track_script \{\n    chk\n  \}\n\}\n$/, "}\n") + "vrrp_instance VI_2 {\n  interface eth0\n  virtual_router_id 2\n  track_script {\n    chk\n  }\n}\n";
  assert.deepEqual(withCode(check(two), "duplicate-keyword"), []);
});
