import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("different passwords: reported on both nodes without printing them", () => {
  const d = clusterDiagnostics(pair({ authPass: "alpha111" }, { authPass: "bravo222" }), "auth-mismatch");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
  for (const x of d) assert.doesNotMatch(x.message, /alpha|bravo/);
  assert.ok(d.every((x) => x.related?.length === 1));
});

test("passwords equal in their first 8 characters: silent (keepalived truncates)", () => {
  assert.deepEqual(clusterDiagnostics(pair({ authPass: "samesame-A" }, { authPass: "samesame-B" }), "auth-mismatch"), []);
});

test("auth_type PASS vs AH, and authentication on one side only, are reported", () => {
  assert.equal(clusterDiagnostics(pair({ authType: "PASS" }, { authType: "AH" }), "auth-mismatch").length, 2);
  assert.equal(clusterDiagnostics(pair({}, { authType: "", authPass: "" }), "auth-mismatch").length, 2);
});

test("fix: use the peer's password", () => {
  const { remaining } = fixAndRecheck(pair({ authPass: "alpha111" }, { authPass: "bravo222" }), "auth-mismatch");
  assert.deepEqual(withCode(remaining, "auth-mismatch"), []);
});

test("fix: add the peer's authentication block where it is missing", () => {
  const { remaining } = fixAndRecheck(pair({}, { authType: "", authPass: "" }), "auth-mismatch", /Authenticate like/);
  assert.deepEqual(withCode(remaining, "auth-mismatch"), []);
});
