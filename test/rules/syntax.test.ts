import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode, workspaceOf } from "../helpers";

test("a stray closing brace is reported on its line", () => {
  const d = check("global_defs {\n  router_id a\n}\n}\n");
  assert.deepEqual(linesOf(d, "syntax"), [4]);
  assert.match(withCode(d, "syntax")[0].message, /Extra '}'/);
});

test("an unclosed block is reported at its opening brace", () => {
  const d = check("vrrp_instance VI_1 {\n  virtual_router_id 5\n");
  assert.deepEqual(linesOf(d, "syntax"), [1]);
  assert.match(withCode(d, "syntax")[0].message, /never closed/);
  // keepalived closes it at the end of the file without a word: a warning, not an error.
  assert.equal(withCode(d, "syntax")[0].severity, "warning");
});

test("an unterminated quote is reported", () => {
  const d = check('vrrp_script chk {\n  script "/bin/true\n}\n');
  assert.deepEqual(linesOf(d, "syntax"), [2]);
});

test("a brace on the next line, one-line blocks and comments are fine", () => {
  const d = check(
    "! Configuration File for keepalived\nvrrp_instance VI_1\n{\n  interface eth0\n  virtual_router_id 5 # the id\n  virtual_ipaddress { 192.0.2.1/24 }\n}\n",
  );
  assert.deepEqual(withCode(d, "syntax"), []);
  assert.deepEqual(d.filter((x) => x.severity === "error"), []);
});

test("a brace that belongs to no keyword is reported", () => {
  const d = check("{\n}\n");
  assert.deepEqual(linesOf(d, "syntax"), [1]);
});

test("a lone `@id` line is a warning, not an error: keepalived skips it silently", () => {
  const d = withCode(check("@lb1\nglobal_defs {\n  router_id lb1\n}\n"), "syntax");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "warning");
  assert.equal(d[0].range.start.line, 0);
  assert.match(d[0].message, /keepalived skips this line/);
});

test("typing above a stray '{' and an invalid sequence moves their errors with their lines, as a fresh check reports them", () => {
  const base = "global_defs {\n  router_id a\n}\nvrrp_instance VI_1 {\n  {\n  }\n  interface eth0\n}\n~SEQ(i) vrrp_script s$i {\n  script /bin/true\n}\n";
  const ws = workspaceOf({ "keepalived.conf": base });
  // Kept per block: the blocks below an edit are not walked again, and must still say where they now are.
  const file = "/ws/keepalived.conf";
  const before = withCode(ws.diagnostics(), "syntax").map((d) => d.range.start.line);
  assert.equal(before.length, 2);
  // Enter at the top, then a line deleted there again: the blocks below are kept and moved, not re-parsed.
  for (const text of ["\n" + base, "\n\n" + base, base.replace("  router_id a\n", "")]) {
    ws.setText(file, text);
    const fresh = workspaceOf({ "keepalived.conf": text });
    const kept = withCode(ws.diagnostics(), "syntax").map((d) => [d.range.start.line, d.range.start.character, d.message]);
    assert.deepEqual(kept, withCode(fresh.diagnostics(), "syntax").map((d) => [d.range.start.line, d.range.start.character, d.message]));
    assert.equal(kept.length, 2);
  }
});
