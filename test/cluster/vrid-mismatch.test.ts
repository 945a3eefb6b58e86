import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("different VRIDs in one pair: reported on both nodes, each pointing at the other", () => {
  const d = clusterDiagnostics(pair({ vrid: 51 }, { vrid: 52 }), "vrid-mismatch");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  const onB = d.find((x) => x.file.includes("lb-b"))!;
  assert.match(onB.message, /virtual_router_id 52 on lb-b differs from 51 on lb-a/);
  assert.equal(onB.range.start.line, 8); // the virtual_router_id line
  assert.ok(onB.related?.[0].file.includes("lb-a"));
});

test("same VRID, interface names differing (eth0 vs ens192): silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ iface: "eth0" }, { iface: "ens192" }), "vrid-mismatch"), []);
});

test("fix: align the VRID with the peer's; the diagnostic is gone on both sides", () => {
  const { remaining } = fixAndRecheck(pair({ vrid: 51 }, { vrid: 52 }), "vrid-mismatch", /to 52/);
  assert.deepEqual(withCode(remaining, "vrid-mismatch"), []);
  assert.deepEqual(remaining.filter((d) => d.severity === "error"), []);
});
