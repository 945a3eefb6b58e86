// Templates through the real language server over JSON-RPC: the Ansible example's planted mistake on
// the template line with related information at host_vars/, re-checked when host_vars changes on disk;
// hover and completion in a template's static text.
import { test, before, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
import { REPO } from "../helpers";

let dir: string;
let client: TestClient;
let template: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-ansible-"));
  fs.cpSync(path.join(REPO, "examples", "ansible"), dir, { recursive: true });
  template = path.join(dir, "roles", "keepalived", "templates", "keepalived.conf.j2");
  client = new TestClient();
  client.settings = { severityOverrides: { "vrrp-firewall-hint": "off" } };
  await client.initialize([dir]);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle));

test("opening the role template shows the hosts' equal priority on its line, related to host_vars", async () => {
  const text = fs.readFileSync(template, "utf8");
  const uri = await client.open(template, text);
  await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "duplicate-priority"), 10000, "duplicate-priority");
  const d = client.diagnostics.get(uri)!.find((x) => x.code === "duplicate-priority")!;
  assert.equal(d.range.start.line, lineOf(text, "priority {{ keepalived_priority }}"));
  const related = d.relatedInformation!.map((r) => `${path.relative(dir, URI(r.location.uri))}:${r.location.range.start.line}`);
  assert.ok(related.includes("host_vars/lb1.yml:0"), related.join(" "));
  assert.ok(related.includes("host_vars/lb2.yml:1"), related.join(" "));
  assert.deepEqual(client.diagnostics.get(uri)!.filter((x) => x.severity === 1), [], "no error on a template that renders well");
});

test("changing host_vars on disk re-renders: the finding goes away", async () => {
  const uri = uriOf(template);
  const lb2 = path.join(dir, "host_vars", "lb2.yml");
  fs.writeFileSync(lb2, "keepalived_priority: 100\n");
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(lb2), type: 2 }] });
  await client.waitFor(() => !client.diagnostics.get(uri)?.some((d) => d.code === "duplicate-priority"), 10000, "the finding to clear");
});

test("hover and completion work in the template's static text", async () => {
  const uri = uriOf(template);
  const text = fs.readFileSync(template, "utf8");
  const line = lineOf(text, "advert_int {{");
  const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line, character: 6 } });
  assert.match(hover.contents.value, /advert_int/);
  const items = await client.request<{ label: string }[] | { items: { label: string }[] }>("textDocument/completion", { textDocument: { uri }, position: { line: line, character: 4 } });
  const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  assert.ok(labels.includes("nopreempt"), labels.slice(0, 20).join(" "));
});

function URI(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, ""));
}

test("the topology of a role template shows its rendered hosts", async () => {
  const t = await client.request<{ mermaid: string }>("keepalived/topology", { uri: uriOf(template), failures: [] });
  assert.match(t.mermaid, /"lb1"/);
  assert.match(t.mermaid, /"lb2"/);
  assert.match(t.mermaid, /VRID 51/);
});
