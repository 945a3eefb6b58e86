import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { check, withCode, workspaceOf, ROOT } from "../helpers";

const conf = (pass: string) => `vrrp_instance VI_1 {\n  virtual_router_id 1\n  authentication {\n    auth_type PASS\n    auth_pass ${pass}\n  }\n}\n`;

test("a password longer than 8 characters is a warning naming what keepalived keeps", () => {
  const d = withCode(check(conf("averylongpassword")), "auth-pass-truncated");
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 4);
  assert.match(d[0].message, /'averylon'/);
});

test("8 characters or fewer is fine", () => {
  assert.deepEqual(withCode(check(conf("12345678")), "auth-pass-truncated"), []);
});

test("`auth_pass P@##D321!`: the '#' starts a comment, keepalived uses 'P@'; the message says so", () => {
  const d = withCode(check(conf("P@##D321!")), "auth-pass-truncated");
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 4);
  assert.match(d[0].message, /'#' starts a comment, so keepalived reads the password 'P@##D321!' as 'P@' \(2 characters\)/);
  // A comment after a blank is an ordinary comment; a quoted password keeps its '#'.
  assert.deepEqual(withCode(check(conf("secret # the password")), "auth-pass-truncated"), []);
  assert.deepEqual(withCode(check(conf('"P@##D3"')), "auth-pass-truncated"), []);
});

test("a comment cut and the 8-character limit together: both are said", () => {
  const d = withCode(check(conf("Secr3tP@ssw0rd!")), "auth-pass-truncated");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /as 'Secr3tP@ssw0rd' \(14 characters, of which it sends only the first 8: 'Secr3tP@'\)/);
});

test("checking a file with many auth_pass lines reads it from disk once, not once per password", async () => {
  const { Workspace } = await import("../../server/src/core/check/workspace");
  const { memoryAccess } = await import("../../server/src/core/config/files");
  const text = Array.from({ length: 200 }, (_, i) => conf(`P@#${i}`).replace("VI_1", `VI_${i}`).replace("router_id 1", `router_id ${(i % 250) + 1}`)).join("");
  const file = "/etc/keepalived/keepalived.conf";
  const inner = memoryAccess(new Map([[file, text]]));
  let reads = 0;
  const ws = new Workspace({ access: { ...inner, read: (f) => (reads++, inner.read(f)) } });
  ws.addFiles([file]);
  const found = withCode(ws.diagnostics(), "auth-pass-truncated");
  assert.equal(found.length, 200);
  assert.ok(reads <= 2, `the file was read ${reads} times`);
});

test("kept with its statement across keystrokes: lines added or removed above move the cut password's whole range", () => {
  const name = "keepalived.conf";
  const other = "vrrp_instance VI_0 {\n  virtual_router_id 2\n  priority 100\n}\n";
  let text = other + conf("P@##D321!") + conf("averylongpassword").replace("VI_1", "VI_2");
  const ws = workspaceOf({ [name]: text });
  const plain = (ds: ReturnType<typeof check>) => JSON.parse(JSON.stringify(withCode(ds, "auth-pass-truncated")));
  assert.equal(withCode(ws.diagnostics(), "auth-pass-truncated").length, 2);
  // Enter twice, a line deleted, a digit typed: each an incremental re-parse of one block, the others moved or kept.
  for (const edit of [(t: string) => t.replace("priority 100\n", "priority 100\n\n"), (t: string) => t.replace("priority 100\n", "priority 100\n\n"), (t: string) => t.replace("  priority 100\n", ""), (t: string) => t.replace("virtual_router_id 2", "virtual_router_id 23")]) {
    text = edit(text);
    ws.setText(path.join(ROOT, name), text);
    assert.deepEqual(plain(ws.diagnostics()), plain(workspaceOf({ [name]: text }).diagnostics()));
  }
});
