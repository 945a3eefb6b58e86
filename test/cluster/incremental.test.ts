import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { pair } from "./helpers";
import { ROOT, workspaceOf, withCode } from "../helpers";

test("after one edit only the edited node's model and its cluster are rebuilt", () => {
  const files = { ...pair(), ...Object.fromEntries(Object.entries(pair({ vips: ["198.51.100.1"], vrid: 9 }, { vips: ["198.51.100.1"], vrid: 9 })).map(([k, v]) => [k.replace("lb-", "db-"), v.replace(/router_id lb-/, "router_id db-").replace(/10\.0\.0\./g, "10.0.9.")])) };
  const ws = workspaceOf(files);
  ws.diagnostics();
  const analysis = (ws as unknown as { clusterAnalysis: { stats: { modelsBuilt: number; clustersChecked: number } } }).clusterAnalysis;
  assert.deepEqual(analysis.stats, { modelsBuilt: 4, clustersChecked: 2 });
  const file = path.join(ROOT, "lb-b/keepalived.conf");
  ws.setText(file, files["lb-b/keepalived.conf"].replace("virtual_router_id 51", "virtual_router_id 52"));
  assert.equal(withCode(ws.diagnostics(), "vrid-mismatch").length, 2);
  assert.deepEqual(analysis.stats, { modelsBuilt: 1, clustersChecked: 1 });
});
