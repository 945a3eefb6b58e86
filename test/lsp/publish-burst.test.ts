// Publication without a timer (service/diagnostics.ts): changes already read when the server gets to
// them are checked once, after the last, and a lone change is answered without waiting for one.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient } from "./lspClient";

const TEXT = ["global_defs {", "    router_id lb-a", "}", "vrrp_instance VI_1 {", "    state MASTER", "    interface eth0", "    virtual_router_id 51", "    priority 100", "    virtual_ipaddress {", "        192.0.2.1/24", "    }", "}", ""].join("\n");
const PRIORITY_LINE = 7;

test("a burst of changes sent at once is published once, with the last change's diagnostics", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaburst-"));
  const file = path.join(dir, "keepalived.conf");
  fs.writeFileSync(file, TEXT);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, TEXT);
    await client.nextDiagnostics(uri, 30000);
    // A lone keystroke: the digit makes priority 1000, out of range.
    const first = client.nextDiagnostics(uri);
    await client.change(uri, { start: { line: PRIORITY_LINE, character: 16 }, end: { line: PRIORITY_LINE, character: 16 } }, "0");
    assert.ok((await first).some((d) => d.code === "invalid-value"), "the lone change is published");
    const before = client.publishCount.get(uri)!;
    // Ten changes the server reads at once: 1000 → 100 (delete) → 1000 … then one more delete, ending on 100.
    const at = { line: PRIORITY_LINE, character: 16 };
    const removeDigit = { range: { start: at, end: { line: PRIORITY_LINE, character: 17 } }, text: "" };
    const addDigit = { range: { start: at, end: at }, text: "0" };
    const edits = Array.from({ length: 10 }, (_, k) => (k % 2 ? addDigit : removeDigit));
    client.changesInOneWrite(uri, [...edits, removeDigit]);
    await client.waitFor(() => client.publishCount.get(uri)! > before && !client.diagnostics.get(uri)!.some((d) => d.code === "invalid-value"), 5000, "the burst's last diagnostics");
    await new Promise((r) => setTimeout(r, 300));
    const published = client.publishCount.get(uri)! - before;
    // One read, one check; the slack of one is for a publication the burst did not cause (indexing).
    assert.ok(published <= 2, `11 changes sent at once were published ${published} times`);
    assert.ok(!client.diagnostics.get(uri)!.some((d) => d.code === "invalid-value"), "the last list is that of the last text (priority 100)");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
