// The server tells the client which files it reads as keepalived, so an included `scripts.conf`
// (opened as "Properties" by its extension) can be switched to keepalived.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";

test("keepalived/configFiles lists the roots and the files they include, and is sent again when that set changes", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-files-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const received: string[][] = [];
  const client = new TestClient();
  client.connection.onNotification("keepalived/configFiles", (p: { uris: string[] }) => void received.push(p.uris));
  try {
    await client.initialize([dir]);
    const scripts = uriOf(path.join(dir, "common", "scripts.conf"));
    const lbA = uriOf(path.join(dir, "lb-a", "keepalived.conf"));
    await waitUntil(() => received.length > 0);
    const first = received[received.length - 1];
    assert.ok(first.includes(scripts), "the included file, whatever its name");
    assert.ok(first.includes(lbA));
    // A new include brings a new file into the set.
    const extra = path.join(dir, "common", "extra.inc");
    fs.writeFileSync(extra, "vrrp_script chk_extra {\n  script \"/bin/true\"\n}\n");
    const text = fs.readFileSync(path.join(dir, "lb-a", "keepalived.conf"), "utf8");
    await client.open(path.join(dir, "lb-a", "keepalived.conf"), `include ../common/extra.inc\n${text}`);
    await waitUntil(() => received[received.length - 1].includes(uriOf(extra)));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function waitUntil(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for keepalived/configFiles");
    await new Promise((r) => setTimeout(r, 20));
  }
}
