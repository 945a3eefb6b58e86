import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode, applyEdits, linesOf } from "../helpers";

test("lb_algo is deprecated; the fix writes lvs_sched and the warning goes away", () => {
  const text = "virtual_server 192.0.2.1 80 {\n  lb_algo rr # round robin\n}\n";
  const d = withCode(check(text), "deprecated-keyword");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /lvs_sched/);
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.equal(fixed, "virtual_server 192.0.2.1 80 {\n  lvs_sched rr # round robin\n}\n");
  assert.deepEqual(withCode(check(fixed), "deprecated-keyword"), []);
});

test("'gw' and 'or' in routes are deprecated words", () => {
  const d = check("static_routes {\n  10.1.0.0/24 gw 10.0.0.1 dev eth0\n  10.2.0.0/24 via 10.0.0.1 or 10.0.0.2 dev eth0\n  10.3.0.0/24 via 10.0.0.1 dev eth0\n}\n");
  assert.deepEqual(linesOf(d, "deprecated-keyword"), [2, 3]);
  assert.equal(withCode(d, "deprecated-keyword")[0].fixes?.[0].edits[0].newText, "via");
});

test("lb_algo and lb_kind, which keepalived reads without a word, are hints; a deprecation keepalived logs stays a warning", () => {
  const d = withCode(check("virtual_server 192.0.2.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 192.0.2.2 80 {\n    HTTP_GET {\n      url {\n        path /\n      }\n      nb_get_retry 3\n    }\n  }\n}\n"), "deprecated-keyword");
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.severity]), [[2, "hint"], [3, "hint"], [10, "warning"]]);
});

test("a removed keyword (lvs_id) is not called deprecated: keepalived does not know it at all", () => {
  const d = check("global_defs {\n  lvs_id lb1\n}\n");
  assert.deepEqual(withCode(d, "deprecated-keyword"), []);
  const gone = withCode(d, "keyword-not-in-version");
  assert.deepEqual(gone.map((x) => [x.range.start.line + 1, x.severity]), [[2, "error"]]);
  assert.match(gone[0].message, /removed after keepalived 1\.1\.7.*use 'router_id'/);
  assert.equal(gone[0].fixes?.[0].edits[0].newText, "router_id");
});

test("lvs_sync_daemon_interface moves to global_defs as lvs_sync_daemon IF INSTANCE (keepalived reads it so)", () => {
  const text = "global_defs {\n  router_id a\n}\nvrrp_instance VI_1 {\n  interface eth0\n  lvs_sync_daemon_interface eth1\n  virtual_router_id 1\n}\n";
  const d = withCode(check(text), "deprecated-keyword");
  assert.equal(d.length, 1);
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.equal(fixed, "global_defs {\n  router_id a\n  lvs_sync_daemon eth1 VI_1\n}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n}\n");
  assert.deepEqual(withCode(check(fixed), "deprecated-keyword"), []);
  // keepalived keeps only the first; with lvs_sync_daemon already set there is nothing to move.
  const already = "global_defs {\n  lvs_sync_daemon eth0 VI_1\n}\nvrrp_instance VI_1 {\n  lvs_sync_daemon_interface eth1\n}\n";
  assert.deepEqual(withCode(check(already), "deprecated-keyword")[0].fixes, []);
});
