// keepalived/impactFiles and keepalived/impact through the real server: the old texts come from the
// client (git HEAD in VS Code), the new ones are what the server has, unsaved edits included.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";
import type { ImpactFilesResult, ImpactResult } from "../../server/src/protocol";

test("the server compares the given old texts with the workspace, unsaved edits included", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-impact-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const lbB = path.join(dir, "lb-b", "keepalived.conf");
  // The example plants a VRID mismatch; the old side is the repaired pair.
  fs.writeFileSync(lbB, fs.readFileSync(lbB, "utf8").replace("virtual_router_id 52", "virtual_router_id 51"));
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    // The folder is scanned once the client's settings are in.
    let files: string[] = [];
    for (let tries = 0; tries < 50 && !files.length; tries++) {
      files = (await client.request<ImpactFilesResult>("keepalived/impactFiles", {})).files;
      if (!files.length) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(files.includes(lbB) && files.some((f) => f.endsWith(path.join("common", "scripts.conf"))), files.join(", "));
    const before = Object.fromEntries(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
    const same = await client.request<ImpactResult>("keepalived/impact", { before });
    assert.equal(same.data.apply, "none");
    // The user raises lb-b's priority above lb-a's in the editor, without saving.
    const text = fs.readFileSync(lbB, "utf8");
    const uri = await client.open(lbB, text);
    const line = text.split("\n").findIndex((l) => /^\s*priority \d+/.test(l));
    const old = text.split("\n")[line];
    await client.change(uri, { start: { line, character: 0 }, end: { line, character: old.length } }, "    priority 250");
    const r = await client.request<ImpactResult>("keepalived/impact", { before });
    assert.equal(r.data.apply, "reload");
    const c = r.data.clusters[0];
    assert.deepEqual([c.masterBefore, c.masterAfter, c.moves], [["lb-a"], ["lb-b"], true]);
    assert.match(r.text, /the VIPs move from lb-a to lb-b/);
    assert.equal(uriOf(lbB), uri);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("asked before the folder scan is in, the server names the files it had no old text for", async () => {
  // What the code-server e2e met: the command ran while the server still waited for the client's
  // settings, so keepalived/impactFiles knew only the open buffer, and by keepalived/impact the
  // scan had added the peers, which then looked "added" for want of an old text.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-impact-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const lbB = path.join(dir, "lb-b", "keepalived.conf");
  fs.writeFileSync(lbB, fs.readFileSync(lbB, "utf8").replace("virtual_router_id 52", "virtual_router_id 51"));
  const client = new TestClient();
  let answerSettings: () => void = () => undefined;
  const settingsHeld = new Promise<void>((resolve) => (answerSettings = resolve));
  client.connection.onRequest("workspace/configuration", async (p: { items: unknown[] }) => (await settingsHeld, p.items.map(() => ({}))));
  try {
    await client.initialize([dir]);
    await client.open(lbB);
    const early = (await client.request<ImpactFilesResult>("keepalived/impactFiles", {})).files;
    // lb-b and what it includes; none of its peers.
    assert.ok(early.includes(lbB) && !early.some((f) => f.includes(`${path.sep}lb-a${path.sep}`)), early.join(", "));
    answerSettings();
    const read = (list: string[]) => Object.fromEntries(list.map((f) => [f, fs.readFileSync(f, "utf8")]));
    let r: ImpactResult | undefined;
    for (let tries = 0; tries < 50 && !r?.missing?.length; tries++) {
      r = await client.request<ImpactResult>("keepalived/impact", { before: read(early) });
      if (!r.missing?.length) await new Promise((res) => setTimeout(res, 100));
    }
    const missing = r!.missing!;
    assert.ok(missing.some((f) => f.endsWith(path.join("lb-a", "keepalived.conf"))) && !missing.includes(lbB), missing.join(", "));
    // Given those too, nothing is missing and nothing changed.
    const full = await client.request<ImpactResult>("keepalived/impact", { before: read([...early, ...missing]) });
    assert.deepEqual(full.missing, []);
    assert.equal(full.data.apply, "none", full.text);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
