// A rename the server refuses (a name keepalived would split or read as something else) is answered
// with a JSON-RPC error that says why, so the editor shows it; the request guard used to turn it into
// an empty answer and a log line, and the rename silently did nothing.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { TextEdit } from "vscode-languageserver/node";
import { TestClient } from "./lspClient";

test("a rename to a name keepalived cannot read is answered with an error that says why (not an empty answer)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-rename-error-"));
  const file = path.join(dir, "keepalived.conf");
  const text = "vrrp_script chk {\n    script /bin/true\n}\nvrrp_instance V {\n    track_script {\n        chk\n    }\n}\n";
  fs.writeFileSync(file, text);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, text);
    await assert.rejects(client.request("textDocument/rename", { textDocument: { uri }, position: { line: 5, character: 9 }, newName: "a b" }), /'a b' is not a valid keepalived name/);
    // The server is still there.
    const ok = await client.request<{ changes: Record<string, TextEdit[]> }>("textDocument/rename", { textDocument: { uri }, position: { line: 5, character: 9 }, newName: "chk_web" });
    assert.equal(ok.changes[uri].length, 2);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
