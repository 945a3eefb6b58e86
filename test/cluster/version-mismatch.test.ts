import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("vrrp_version 3 in global_defs on one node only: reported on both", () => {
  const d = clusterDiagnostics(pair({ globals: ["vrrp_version 3"] }, {}), "version-mismatch");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  assert.match(d.find((x) => x.file.includes("lb-b"))!.message, /2 \(default\) on lb-b differs from 3 \(global\) on lb-a/);
});

test("global vrrp_version 3 on one node, instance version 3 on the other: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ globals: ["vrrp_version 3"] }, { version: 3 }), "version-mismatch"), []);
});

test("fix: set the instance's version to the peer's", () => {
  const { remaining } = fixAndRecheck(pair({ version: 3 }, { version: 2 }), "version-mismatch", /version 3/);
  assert.deepEqual(withCode(remaining, "version-mismatch"), []);
});
