// keepalived/keepalivedTest: the real `keepalived -t -f FILE` (Debian's 2.2.7) run on request, its
// messages published as diagnostics with source `keepalived -t` beside ours, and dropped on edit.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient } from "./lspClient";
import { findKeepalived } from "../../server/src/service/keepalivedTest";
import type { KeepalivedTestResult } from "../../server/src/protocol";

const binary = findKeepalived();

const CONFIG = `vrrp_instance VI_1 {
    state MASTR
    interface eth0
    virtual_router_id 51
    priority 100
    no_such_keyword 1
    virtual_ipaddress {
        192.0.2.1
    }
}
`;

test("keepalived -t runs only when asked, and its messages appear as diagnostics from `keepalived -t`", { skip: binary ? false : "keepalived is not installed" }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kat-"));
  const file = path.join(dir, "keepalived.conf");
  fs.writeFileSync(file, CONFIG);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, CONFIG);
    await client.waitFor(() => !!client.diagnostics.get(uri)?.length, 10_000);
    // Opening and checking never runs keepalived by itself.
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(client.diagnostics.get(uri)!.every((d) => d.source === "keepalived"));

    const result = await client.request<KeepalivedTestResult>("keepalived/keepalivedTest", { uri });
    assert.equal(result.available, true);
    assert.ok(result.messages >= 2, JSON.stringify(result));
    await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.source === "keepalived -t"), 5000, "keepalived -t diagnostics");
    const real = client.diagnostics.get(uri)!.filter((d) => d.source === "keepalived -t");
    const state = real.find((d) => /unknown state 'MASTR'/.test(d.message));
    assert.ok(state, JSON.stringify(real));
    assert.equal(state.range.start.line, 1);
    assert.ok(real.some((d) => d.range.start.line === 5 && /Unknown keyword 'no_such_keyword'/.test(d.message)), JSON.stringify(real));
    // Ours are still there beside them.
    assert.ok(client.diagnostics.get(uri)!.some((d) => d.source === "keepalived" && d.range.start.line === 1));

    // An edit makes keepalived's line numbers stale: they go.
    await client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, "\n");
    await client.waitFor(() => !client.diagnostics.get(uri)?.some((d) => d.source === "keepalived -t"), 5000, "keepalived -t diagnostics to go");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("without keepalived the request says so and publishes nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kat-"));
  const file = path.join(dir, "keepalived.conf");
  fs.writeFileSync(file, CONFIG);
  const { KeepalivedTestRuns } = await import("../../server/src/service/keepalivedTest");
  let changes = 0;
  const runs = new KeepalivedTestRuns(() => changes++, () => undefined);
  try {
    const r = await runs.run(file, () => 10);
    assert.equal(r.available, false);
    assert.equal(changes, 0);
    assert.deepEqual(runs.files(), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
