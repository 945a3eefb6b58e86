// An editor shows at most 1,000 problems per file: the server sends that many, the most severe first,
// and says how many more there are (a file of unknown keywords used to send 200,000).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient } from "./lspClient";

test("past 1,000 problems in one file, the errors come first and a last entry says how many are not shown", { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-cap-"));
  const file = path.join(dir, "keepalived.conf");
  // A warning at the top (a password keepalived cuts to 8 characters), then 1,500 unknown keywords (errors).
  const text =
    "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  authentication {\n    auth_type PASS\n    auth_pass averylongpassword\n  }\n}\n" +
    Array.from({ length: 1500 }, (_, i) => `zz_unknown_${i} 1\n`).join("");
  fs.writeFileSync(file, text);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, text);
    const published = await client.nextDiagnostics(uri, 60_000);
    assert.equal(published.length, 1000);
    const shown = published.slice(0, 999);
    assert.ok(shown.every((d) => d.severity === 1), "only errors are shown when errors alone pass the cap");
    assert.deepEqual(shown.slice(0, 3).map((d) => d.range.start.line), [8, 9, 10], "in file order");
    const last = published[999];
    assert.equal(last.severity, 3);
    assert.match(last.message, /^50[0-9] more problems in this file are not shown/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
