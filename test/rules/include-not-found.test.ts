import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode, ROOT } from "../helpers";

test("an include of a missing file is an error on its line", () => {
  const d = withCode(check("global_defs {\n}\ninclude nothere.conf\n"), "include-not-found");
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 2);
  assert.equal(d[0].severity, "error");
});

test("a glob that matches nothing is a warning", () => {
  const d = withCode(check("include conf.d/*.conf\n"), "include-not-found");
  assert.equal(d[0].severity, "warning");
});

test("absolute includes resolve through include roots", () => {
  const files = { "main.conf": "include /etc/keepalived/conf.d/*.conf\n", "etc/keepalived/conf.d/a.conf": "vrrp_script s {\n script /bin/true\n}\n" };
  assert.equal(withCode(check(files), "include-not-found").length, 1);
  assert.deepEqual(withCode(check(files, { includeRoots: [ROOT] }), "include-not-found"), []);
});
