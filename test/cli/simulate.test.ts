// keepalived-lint simulate: who holds the VIPs before and after failures; exit 0, 2 on usage errors.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { lint } from "../helpers";


test("simulate --fail lb-a:chk_nginx on the example: the VIP moves to lb-b", () => {
  const r = lint(["simulate", "--fail", "lb-a:chk_nginx", "examples/cluster"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /before: MASTER lb-a \(150\)/);
  assert.match(r.stdout, /VIPs move: lb-a → lb-b/);
});

test("simulate --format json", () => {
  const r = lint(["simulate", "--fail", "lb-a", "--format", "json", "examples/cluster"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const web = out.clusters.find((c: { instances: string[] }) => c.instances.includes("VI_WEB"));
  assert.equal(web.before.master, "lb-a");
  assert.equal(web.after.master, "lb-b");
  assert.equal(web.moved, true);
});

test("usage errors exit 2: no --fail, unknown failure name", () => {
  assert.equal(lint(["simulate", "examples/cluster"]).code, 2);
  const r = lint(["simulate", "--fail", "nosuchthing", "examples/cluster"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nosuchthing/);
});
