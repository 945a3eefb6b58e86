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

test("priorities are compared after the weights of healthy trackers", () => {
  const script = "vrrp_script chk {\n    script /usr/bin/true\n    weight 10\n}";
  // 140 + 10 = 150 on lb-b ties with 150 on lb-a.
  const tie = clusterDiagnostics(pair({ priority: 150 }, { priority: 140, before: script, tracks: ["chk"] }), "duplicate-priority");
  assert.equal(tie.length, 2);
  assert.match(tie.find((d) => d.file.includes("lb-b"))!.message, /140 \+ 10 = 150/);
  // 100 and 100 + 10: no tie.
  assert.deepEqual(clusterDiagnostics(pair({ priority: 100, before: script, tracks: ["chk"] }, { priority: 100 }), "duplicate-priority"), []);
  const { remaining } = fixAndRecheck(pair({ priority: 150 }, { priority: 140, before: script, tracks: ["chk"] }), "duplicate-priority");
  assert.deepEqual(withCode(remaining, "duplicate-priority"), []);
});

test("two nodes with one router_id are still two members: equal priorities named by file, not 'LVS_DEVEL equals LVS_DEVEL's'", () => {
  const d = clusterDiagnostics(pair({ routerId: "LVS_DEVEL", priority: 100 }, { routerId: "LVS_DEVEL", priority: 100 }), "duplicate-priority");
  assert.equal(d.length, 2);
  assert.match(d[0].message, /on lb-a equals lb-b's/);
});
