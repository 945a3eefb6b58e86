import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf } from "./helpers";
import { workspaceOf } from "../helpers";

const script = (weight: number) => `vrrp_script chk_nginx {\n    script "/usr/bin/pgrep nginx"\n    weight ${weight}\n}`;

test("a weight that would hand over, but the backup has nopreempt: warned on the master's track line", () => {
  const files = pair({ before: script(-60), tracks: ["chk_nginx"] }, { extra: ["nopreempt"] });
  const d = clusterDiagnostics(files, "nopreempt-blocks-failover");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf"]);
  assert.equal(d[0].severity, "warning");
  assert.match(d[0].message, /150 - 60 = 90, below lb-b's 100, but lb-b has nopreempt/);
  assert.match(d[0].related![0].message, /nopreempt on lb-b/);
});

test("check reports what simulate says: the same failover model", () => {
  const files = pair({ before: script(-60), tracks: ["chk_nginx"] }, { extra: ["nopreempt"] });
  const view = workspaceOf(files).clusters();
  const [r] = view.simulate(["lb-a:chk_nginx"]);
  assert.match(r.after.master!.reason ?? "", /stays MASTER: lb-b has nopreempt/);
  assert.equal(clusterDiagnostics(files, "nopreempt-blocks-failover").length, 1);
});

test("silent: no nopreempt, weight 0 (FAULT), nopreempt cleared by state MASTER, a weight too small to matter", () => {
  assert.deepEqual(clusterDiagnostics(pair({ before: script(-60), tracks: ["chk_nginx"] }, {}), "nopreempt-blocks-failover"), []);
  assert.deepEqual(clusterDiagnostics(pair({ before: script(0), tracks: ["chk_nginx"] }, { extra: ["nopreempt"] }), "nopreempt-blocks-failover"), []);
  // keepalived clears nopreempt on a state MASTER node: lb-b takes over.
  assert.deepEqual(clusterDiagnostics(pair({ before: script(-60), tracks: ["chk_nginx"] }, { state: "MASTER", extra: ["nopreempt"] }), "nopreempt-blocks-failover"), []);
  assert.deepEqual(clusterDiagnostics(pair({ before: script(-10), tracks: ["chk_nginx"] }, { extra: ["nopreempt"] }), "nopreempt-blocks-failover"), []);
});
