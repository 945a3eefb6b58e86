import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";

const script = (weight: number) => `vrrp_script chk_nginx {\n    script "/usr/bin/pgrep nginx"\n    weight ${weight}\n}`;

test("weight -30 on a 150 master over a 100 backup: warned on both nodes with the arithmetic", () => {
  const files = pair({ before: script(-30), tracks: ["chk_nginx"] }, { before: script(-30), tracks: ["chk_nginx"] });
  const d = clusterDiagnostics(files, "track-weight-ineffective");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  assert.ok(d.every((x) => x.severity === "warning"));
  assert.match(d[0].message, /150 - 30 = 120 > 100 \(lb-b\)/);
});

test("a line weight overrides the script's: weight -60 on the line moves the VIP: silent", () => {
  const files = pair({ before: script(-30), tracks: ["chk_nginx weight -60"] }, { before: script(-30), tracks: ["chk_nginx"] });
  assert.deepEqual(clusterDiagnostics(files, "track-weight-ineffective"), []);
});

test("weight 0 (fault on failure) and positive weights that do bring the master down: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ before: script(0), tracks: ["chk_nginx"] }, {}), "track-weight-ineffective"), []);
  // +60 while healthy on both: lb-a 210 vs lb-b 160; failing on lb-a: 150 < 160.
  assert.deepEqual(clusterDiagnostics(pair({ before: script(60), tracks: ["chk_nginx"] }, { before: script(60), tracks: ["chk_nginx"] }), "track-weight-ineffective"), []);
});

test("positive weight too small: 150 + 20 failing loses 20, still above 100 + 20", () => {
  const d = clusterDiagnostics(pair({ before: script(20), tracks: ["chk_nginx"] }, { before: script(20), tracks: ["chk_nginx"] }), "track-weight-ineffective");
  assert.match(d[0].message, /170 - 20 = 150 > 120 \(lb-b\)/);
});

test("fix: a script weight low enough to move the VIPs; re-checked, the warning is gone", () => {
  const files = pair({ before: script(-30), tracks: ["chk_nginx"] }, { before: script(-30), tracks: ["chk_nginx"] });
  const d = clusterDiagnostics(files, "track-weight-ineffective");
  assert.match(d.find((x) => x.fixes?.length)!.fixes![0].title, /weight of chk_nginx to -51/);
  const { remaining } = fixAndRecheck(files, "track-weight-ineffective");
  assert.deepEqual(remaining.filter((x) => x.code === "track-weight-ineffective"), []);
});

test("fix: a weight written on the track line is changed there", () => {
  const files = pair({ before: script(-60), tracks: ["chk_nginx weight -10"] }, { before: script(-60), tracks: ["chk_nginx"] });
  const { files: fixed, remaining } = fixAndRecheck(files, "track-weight-ineffective");
  assert.match(fixed["lb-a/keepalived.conf"], /chk_nginx weight -51/);
  assert.deepEqual(remaining.filter((x) => x.code === "track-weight-ineffective"), []);
});

test("router_id is not a node's identity: two nodes with the default LVS_DEVEL stay two nodes, named by their folder", () => {
  const files = pair({ routerId: "LVS_DEVEL", before: script(-60), tracks: ["chk_nginx"] }, { routerId: "LVS_DEVEL", before: script(-60), tracks: ["chk_nginx"] });
  // -60 on lb-a (150 → 90 < 100) hands the VIP over: nothing to report, although both nodes say LVS_DEVEL.
  assert.deepEqual(clusterDiagnostics(files, "track-weight-ineffective"), []);
  const weak = clusterDiagnostics(pair({ routerId: "LVS_DEVEL", before: script(-30), tracks: ["chk_nginx"] }, { routerId: "LVS_DEVEL" }), "track-weight-ineffective");
  assert.equal(weak.length, 2);
  assert.match(weak[0].message, /150 - 30 = 120 > 100 \(lb-b\)/);
  assert.ok(weak.every((d) => !/LVS_DEVEL/.test(d.message)), "labels fall back to the folder when router_ids collide");
});
