import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, filesOf, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("advert_int 1 vs 3: reported on both nodes", () => {
  const d = clusterDiagnostics(pair({ advert: 1 }, { advert: 3 }), "advert-int-mismatch");
  assert.deepEqual(filesOf(d), ["lb-a/keepalived.conf", "lb-b/keepalived.conf"]);
});

test("advert_int 1 written vs the default 1: silent", () => {
  assert.deepEqual(clusterDiagnostics(pair({ advert: 1 }, { advert: undefined }), "advert-int-mismatch"), []);
});

test("fix: align advert_int with the peer", () => {
  const { remaining } = fixAndRecheck(pair({ advert: 1 }, { advert: 3 }), "advert-int-mismatch");
  assert.deepEqual(withCode(remaining, "advert-int-mismatch"), []);
});

test("fix: add advert_int where it is left to the default", () => {
  const { remaining } = fixAndRecheck(pair({ advert: undefined }, { advert: 2 }), "advert-int-mismatch", /to 2/);
  assert.deepEqual(withCode(remaining, "advert-int-mismatch"), []);
});
