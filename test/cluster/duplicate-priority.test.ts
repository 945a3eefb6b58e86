import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("two members with priority 100: a warning on both", () => {
  const d = clusterDiagnostics(pair({ priority: 100 }, { priority: 100 }), "duplicate-priority");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  assert.ok(d.every((x) => x.severity === "warning" && x.related?.length === 1));
});

test("a written 100 and the default 100 also collide", () => {
  assert.equal(clusterDiagnostics(pair({ priority: 100 }, { priority: undefined }), "duplicate-priority").length, 2);
});

test("distinct priorities: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ priority: 150 }, { priority: 100 }), "duplicate-priority"), []);
});

test("fix: pick a free priority", () => {
  const { remaining } = fixAndRecheck(pair({ priority: 100 }, { priority: 100 }), "duplicate-priority");
  assert.deepEqual(withCode(remaining, "duplicate-priority"), []);
});
