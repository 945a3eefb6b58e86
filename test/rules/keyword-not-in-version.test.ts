import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

const conf = "global_defs {\n  vrrp_owner_ignore_adverts\n  router_id a\n}\n";

test("a keyword newer than the target version is reported", () => {
  assert.deepEqual(linesOf(check(conf, { targetVersion: "2.2.7" }), "keyword-not-in-version"), [2]);
});

test("without a target version, or with a new enough one, nothing is reported", () => {
  assert.deepEqual(linesOf(check(conf), "keyword-not-in-version"), []);
  assert.deepEqual(linesOf(check(conf, { targetVersion: "2.4.0" }), "keyword-not-in-version"), []);
});

test("without a target version a removed keyword is still reported: the newest keepalived does not know lvs_id", () => {
  assert.deepEqual(linesOf(check("global_defs {\n  lvs_id lb1\n}\n"), "keyword-not-in-version"), [2]);
  assert.deepEqual(linesOf(check("global_defs {\n  lvs_id lb1\n}\n", { targetVersion: "2.2.7" }), "keyword-not-in-version"), [2]);
});
