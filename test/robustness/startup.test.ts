// The server indexes the workspace folders at start: a FIFO, a huge file or a symlink loop named like
// a keepalived config in a cloned repository must not stop it from answering.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { TestClient } from "../lsp/lspClient";

test("a FIFO, a 3 GB file and a symlink loop in the workspace: the server starts and checks the open file", async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-startup-"));
  fs.mkdirSync(path.join(dir, "keepalived"));
  if (spawnSync("mkfifo", [path.join(dir, "keepalived", "pipe.conf")]).status !== 0) return t.skip("mkfifo is not available");
  fs.closeSync(fs.openSync(path.join(dir, "keepalived", "huge.conf"), "w"));
  fs.truncateSync(path.join(dir, "keepalived", "huge.conf"), 3 * 1024 ** 3);
  fs.symlinkSync("loop.conf", path.join(dir, "keepalived", "loop.conf"));
  const conf = path.join(dir, "keepalived.conf");
  fs.writeFileSync(conf, "global_defs {\n  router_id lb1\n  no_such_keyword 1\n}\n");
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(conf);
    await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "unknown-keyword"), 60_000);
    const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 4 } });
    assert.ok(hover?.contents.value.includes("router_id"));
    assert.equal(client.process.exitCode, null, "the server is still running");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("hover on a notify_master naming a FIFO or /dev/zero answers without blocking", async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-hoverfifo-"));
  const fifo = path.join(dir, "notify.fifo");
  if (spawnSync("mkfifo", [fifo]).status !== 0) return t.skip("mkfifo is not available");
  const conf = path.join(dir, "keepalived.conf");
  fs.writeFileSync(conf, `vrrp_instance V {\n  notify_master ${fifo}\n  notify_backup /dev/zero\n}\n`);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(conf);
    for (const line of [1, 2]) {
      const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri }, position: { line, character: 20 } });
      assert.match(hover?.contents.value ?? "", /not a text file/);
    }
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
