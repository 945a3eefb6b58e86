// template-syntax: a template the engine itself refuses (tag never closed, end without block, block
// never ended), reported on the tag.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

test("a block never ended is reported on its opening tag", () => {
  const d = withCode(check({ "keepalived.conf.j2": "vrrp_instance VI_1 {\n{% if x %}\n  priority 100\n}\n" }), "template-syntax");
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.range.start.character, x.range.end.character]), [[2, 0, 10]]);
  assert.match(d[0].message, /never closed/);
});

test("an end that closes nothing, and a tag never closed", () => {
  assert.match(withCode(check({ "keepalived.conf.j2": "global_defs {\n}\n{% endif %}\n" }), "template-syntax")[0].message, /closes no block/);
  assert.match(withCode(check({ "keepalived.conf.tmpl": "global_defs {\n  router_id {{ .Name\n}\n" }), "template-syntax")[0].message, /never closed/);
});

test("a balanced template has none", () => {
  assert.deepEqual(withCode(check({ "keepalived.conf.j2": "{% if a %}global_defs {\n}\n{% elif b %}\n{% else %}\n{% endif %}\n" }), "template-syntax"), []);
});
