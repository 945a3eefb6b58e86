// `keepalived.*` settings reach the checks: severity overrides (and `off`) change what is published.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";

test("severityOverrides re-grade a code and `off` hides it, live on configuration change", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaset-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const client = new TestClient();
  try {
    client.settings = { severityOverrides: { "vrid-mismatch": "hint" } };
    await client.initialize([dir]);
    const uri = await client.open(path.join(dir, "lb-a", "keepalived.conf"));
    await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "vrid-mismatch"));
    assert.equal(client.diagnostics.get(uri)!.find((d) => d.code === "vrid-mismatch")!.severity, 4);
    client.settings = { severityOverrides: { "vrid-mismatch": "off", "vrrp-firewall-hint": "off" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const peer = uriOf(path.join(dir, "lb-b", "keepalived.conf"));
    await client.waitFor(() => client.diagnostics.get(uri)?.length === 0 && client.diagnostics.get(peer)?.length === 0, 5000, "the code to be turned off");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("vrrp-firewall-hint is not in Problems unless a severityOverride grades it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaset-fw-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(path.join(dir, "lb-a", "keepalived.conf"));
    await client.waitFor(() => client.diagnostics.has(uri));
    assert.ok(!client.diagnostics.get(uri)!.some((d) => d.code === "vrrp-firewall-hint"));
    client.settings = { severityOverrides: { "vrrp-firewall-hint": "info" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "vrrp-firewall-hint"), 5000, "the hint once graded");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
