import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode, applyEdits } from "../helpers";

const SCRIPT = 'vrrp_script chk {\n  script "/usr/bin/true"\n}\n';
const INSTANCE = "vrrp_instance V {\n  virtual_router_id 1\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n  track_script {\n    chk\n  }\n}\n";

test("scripts without script_user and enable_script_security: one warning, and the fix adds both", () => {
  const text = `! comment kept\nglobal_defs {\n    router_id a\n}\n${SCRIPT}${INSTANCE}`;
  const d = withCode(check(text), "script-security");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "warning");
  assert.match(d[0].message, /SECURITY VIOLATION/);
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.match(fixed, /global_defs \{\n    router_id a\n    script_user keepalived_script\n    enable_script_security\n\}/);
  assert.ok(fixed.startsWith("! comment kept\n"));
  assert.deepEqual(withCode(check(fixed), "script-security"), []);
});

test("without global_defs the fix creates it after the leading comments", () => {
  const text = `! Configuration File for keepalived\n\n${SCRIPT}${INSTANCE}`;
  const d = withCode(check(text), "script-security");
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.match(fixed, /^! Configuration File for keepalived\nglobal_defs \{\n  script_user keepalived_script\n  enable_script_security\n\}\n/);
  assert.deepEqual(withCode(check(fixed), "script-security"), []);
});

test("in a file saved with CRLF the fix also goes after the leading comments, and into global_defs before its '}'", () => {
  const crlf = (t: string) => t.replace(/\n/g, "\r\n");
  const bare = crlf(`! Configuration File for keepalived\n\n${SCRIPT}${INSTANCE}`);
  const created = applyEdits(bare, withCode(check(bare), "script-security")[0].fixes![0].edits);
  assert.ok(created.startsWith("! Configuration File for keepalived\r\nglobal_defs {"), JSON.stringify(created.slice(0, 60)));
  assert.deepEqual(withCode(check(created), "script-security"), []);
  const withBlock = crlf(`! comment kept\nglobal_defs {\n    router_id a\n}\n${SCRIPT}${INSTANCE}`);
  const added = applyEdits(withBlock, withCode(check(withBlock), "script-security")[0].fixes![0].edits);
  assert.match(added, /global_defs \{\r\n    router_id a\r\n    script_user keepalived_script\n    enable_script_security\n\}/);
  assert.deepEqual(withCode(check(added), "script-security"), []);
});

test("notify scripts count too; a config with both settings, or without scripts, is silent", () => {
  assert.equal(withCode(check('vrrp_instance V {\n  virtual_router_id 1\n  notify_master "/usr/bin/true"\n}\n'), "script-security").length, 1);
  assert.deepEqual(withCode(check(`global_defs {\n  script_user nobody\n  enable_script_security\n}\n${SCRIPT}${INSTANCE}`), "script-security"), []);
  assert.deepEqual(withCode(check("vrrp_instance V {\n  virtual_router_id 1\n}\n"), "script-security"), []);
});

test("settings spread over two global_defs blocks count together (keepalived merges them)", () => {
  const text = `global_defs {\n  script_user nobody\n}\nglobal_defs {\n  enable_script_security\n}\n${SCRIPT}${INSTANCE}`;
  assert.deepEqual(withCode(check(text), "script-security"), []);
});

test("startup/FIFO and checker scripts count too, and only the missing setting is added", () => {
  const text = "global_defs {\n\tenable_script_security\n\tnotify_fifo_script /usr/bin/true\n}\n";
  const d = withCode(check(text), "script-security");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /'script_user'/);
  assert.doesNotMatch(d[0].message, /SECURITY VIOLATION/);
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.equal(fixed, "global_defs {\n\tenable_script_security\n\tnotify_fifo_script /usr/bin/true\n\tscript_user keepalived_script\n}\n");
  assert.equal(withCode(check("virtual_server 192.0.2.1 80 {\n  quorum_up /usr/bin/true\n}\n"), "script-security").length, 1);
});

test("the fix edits a global_defs kept in an included file", () => {
  const files = { "keepalived.conf": `include globals.conf\n${SCRIPT}${INSTANCE}`, "globals.conf": "# shared\nglobal_defs {\n  router_id a\n}\n" };
  const d = withCode(check(files), "script-security");
  assert.equal(d.length, 1);
  const edits = d[0].fixes![0].edits;
  assert.ok(edits.every((e) => e.file.endsWith("/globals.conf")));
  const fixed = applyEdits(files["globals.conf"], edits);
  assert.equal(fixed, "# shared\nglobal_defs {\n  router_id a\n  script_user keepalived_script\n  enable_script_security\n}\n");
  assert.deepEqual(withCode(check({ ...files, "globals.conf": fixed }), "script-security"), []);
});

test("a misspelt block inside global_defs closes it early for keepalived: the fix goes right after its '{'", () => {
  const text = `global_defs {\n  router_id a\n  notification_emai {\n    ops@example.com\n  }\n}\n${SCRIPT}${INSTANCE}`;
  const d = withCode(check(text), "script-security");
  const fixed = applyEdits(text, d[0].fixes![0].edits);
  assert.ok(fixed.startsWith("global_defs {\n  script_user keepalived_script\n  enable_script_security\n  router_id a\n"), fixed);
});

test("in a file whose lines end in a lone '\\r' (one keepalived line) the fix still takes effect", () => {
  // keepalived reads up to "\n" only: "global_defs {\r    router_id a\r}\r..." is one line to it, and a line put at
  // an editor line's start there would be more words of router_id.
  for (const text of [`global_defs {\r    router_id a\r}\n${SCRIPT}${INSTANCE}`, `global_defs {\n    router_id a\r}\n${SCRIPT}${INSTANCE}`]) {
    const d = withCode(check(text), "script-security");
    assert.equal(d.length, 1, JSON.stringify(text));
    const fixed = applyEdits(text, d[0].fixes![0].edits);
    assert.deepEqual(withCode(check(fixed), "script-security"), [], JSON.stringify(fixed));
  }
});
