import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("priority 255 on both members: reported on both", () => {
  const d = clusterDiagnostics(pair({ priority: 255 }, { priority: 255 }), "multiple-address-owners");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  assert.ok(d.every((x) => x.severity === "error"));
});

test("one owner: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ priority: 255 }, { priority: 100 }), "multiple-address-owners"), []);
});

test("fix: give one member a priority below 255", () => {
  const { remaining } = fixAndRecheck(pair({ priority: 255 }, { priority: 255 }), "multiple-address-owners");
  assert.deepEqual(withCode(remaining, "multiple-address-owners"), []);
});
