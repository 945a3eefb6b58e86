import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck, nodeText } from "./helpers";
import { withCode } from "../helpers";

test("a tutorial password is reported once per cluster (on the master, the other member related), saying PASS is clear text, without printing it", () => {
  const d = clusterDiagnostics(pair({ authPass: "1111" }, { authPass: "1111" }), "weak-auth-pass");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf"]);
  assert.deepEqual(d[0].related?.map((r) => r.message), ["the same auth_pass in VI_1 on lb-b"]);
  assert.match(d[0].message, /on all 2 members of VI_1/);
  assert.match(d[0].message, /well-known/);
  assert.match(d[0].message, /clear text/);
  assert.match(d[0].message, /VRRPv3/);
  assert.doesNotMatch(d[0].message, /1111/);
  assert.equal(d[0].severity, "warning");
});

test("short and digits-only passwords are weak; a decent one is not", () => {
  assert.match(clusterDiagnostics(pair({ authPass: "ab1" }, { authPass: "ab1" }), "weak-auth-pass")[0].message, /only 3 characters/);
  assert.match(clusterDiagnostics(pair({ authPass: "20240611" }, { authPass: "20240611" }), "weak-auth-pass")[0].message, /digits only/);
  assert.deepEqual(clusterDiagnostics(pair({ authPass: "Vx7kq2Lz" }, { authPass: "Vx7kq2Lz" }), "weak-auth-pass"), []);
});

test("no authentication, or AH, is not a PASS weakness", () => {
  assert.deepEqual(clusterDiagnostics(pair({ authType: "", authPass: "" }, { authType: "", authPass: "" }), "weak-auth-pass"), []);
  assert.deepEqual(clusterDiagnostics(pair({ authType: "AH", authPass: "1111" }, { authType: "AH", authPass: "1111" }), "weak-auth-pass"), []);
});

test("one password on two unrelated clusters is reported with the other cluster as related", () => {
  const files = {
    ...pair({ authPass: "Vx7kq2Lz" }, { authPass: "Vx7kq2Lz" }),
    "db-a/keepalived.conf": nodeText({ routerId: "db-a", name: "VI_DB", state: "MASTER", priority: 150, vrid: 60, authType: "PASS", authPass: "Vx7kq2Lz", vips: ["198.51.100.5/24"] }),
    "db-b/keepalived.conf": nodeText({ routerId: "db-b", name: "VI_DB", state: "BACKUP", priority: 100, vrid: 60, authType: "PASS", authPass: "Vx7kq2Lz", vips: ["198.51.100.5/24"] }),
  };
  const d = clusterDiagnostics(files, "weak-auth-pass");
  assert.equal(d.length, 2, "once per cluster");
  assert.match(d[0].message, /unrelated cluster/);
  assert.ok(d.every((x) => x.related?.length));
});

test("fix: a new random password on every member at once; nothing else changes and no mismatch appears", () => {
  const { remaining } = fixAndRecheck(pair({ authPass: "1111" }, { authPass: "1111" }), "weak-auth-pass");
  assert.deepEqual(withCode(remaining, "weak-auth-pass"), []);
  assert.deepEqual(withCode(remaining, "auth-mismatch"), []);
});

test("a tutorial password longer than what is sent ('keepalived', sent as 'keepaliv') is still well-known", () => {
  const d = clusterDiagnostics(pair({ authPass: "keepalived" }, { authPass: "keepalived" }), "weak-auth-pass");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /well-known/);
});

test("one strong password on several virtual routers of the same machines is not reuse across unrelated clusters", () => {
  const instances = (peer: string, src: string) => [
    { name: "VI_WEB", vrid: 51, authType: "PASS", authPass: "Vx7kq2Lz", vips: ["192.0.2.10/24"], src, peers: [peer] },
    { name: "VI_DB", vrid: 52, authType: "PASS", authPass: "Vx7kq2Lz", vips: ["192.0.2.20/24"], src, peers: [peer] },
  ];
  const files = pair({ instances: instances("10.0.0.12", "10.0.0.11") }, { instances: instances("10.0.0.11", "10.0.0.12") });
  assert.deepEqual(clusterDiagnostics(files, "weak-auth-pass"), []);
});

test("VRRPv3 sends no password, so a weak one there is not reported", () => {
  assert.deepEqual(clusterDiagnostics(pair({ authPass: "1111", version: 3 }, { authPass: "1111", version: 3 }), "weak-auth-pass"), []);
});
