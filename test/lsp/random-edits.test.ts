// 2,000 random incremental edits through the real server (dist/server.js over JSON-RPC), on a copy of
// the example cluster. After every 100 edits the diagnostics the server published for the edited
// file must equal a fresh full check of the same text (a new Workspace, no incremental state), a
// hover must still answer, and the server's RSS must stay bounded. Seeded, so a failure replays.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TestClient, LspDiagnostic } from "./lspClient";
import { REPO } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { toLspDiagnostic } from "../../server/src/service/diagnostics";
import { DEFAULT_SETTINGS } from "../../server/src/service/settings";

const EDITS = 2000;
const CHECK_EVERY = 100;
/** Generous: a hover on a small file answers in milliseconds; this only catches a stuck server. */
const HOVER_BOUND_MS = 2000;
const RSS_BOUND_MB = 300;

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "priority 150", "virtual_router_id 51", "state BACKUP", "interface eth1", "{", "}", " {\n", "\n}\n", "\n", "\n    ", " ", "0", "9", "#", "!", '"', "$X", "$X=1\n",
  "@lb-a ", "~SEQ(i,1,3) ", "\\\n", "track_script {\n  chk_nginx\n}\n", "vrrp_instance VI_X {\n    virtual_router_id 77\n    priority 90\n}\n", "include ../common/*.conf\n",
  "virtual_ipaddress {\n  192.0.2.99/24\n}\n", "unicast_peer {\n  10.0.0.9\n}\n", "auth_pass", "x", "é",
];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** What a fresh server would publish for `file`: a full check of the same files, nothing reused. */
function freshDiagnostics(files: string[], file: string, text: string): LspDiagnostic[] {
  const ws = new Workspace({ includeRoots: [], targetVersion: undefined, peerPairing: {} });
  ws.setText(file, text);
  ws.addFiles(files);
  const out = ws.diagnostics().filter((d) => d.file === file).map((d) => toLspDiagnostic(d, DEFAULT_SETTINGS.severityOverrides));
  return withoutDocLinks(JSON.parse(JSON.stringify(out)))!;
}

/** The doc link depends on where the server's bundle sits (dist/ vs out/); its own test is in server.test.ts. */
function withoutDocLinks(list: LspDiagnostic[] | undefined): LspDiagnostic[] | undefined {
  return list?.map(({ codeDescription: _link, ...rest }) => rest as LspDiagnostic);
}

test("2,000 random incremental edits: after every 100 the published diagnostics equal a fresh full check", { timeout: 15 * 60 * 1000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-random-edits-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".conf")).map((f) => path.join(dir, f));
  const file = path.join(dir, "lb-a", "keepalived.conf");
  const original = fs.readFileSync(file, "utf8");
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, original);
    await client.nextDiagnostics(uri, 30000);
    const random = prng(20261201);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    let doc = TextDocument.create(uri, "keepalived", 1, original);
    let firstRss: number | undefined;
    let slowestHover = 0;
    for (let k = 1; k <= EDITS; k++) {
      const text = doc.getText();
      const at = Math.floor(random() * (text.length + 1));
      let end = at;
      let insert = "";
      const kind = random();
      if (kind < 0.45 || text.length > 4 * original.length) end = Math.min(text.length, at + 1 + Math.floor(random() * (random() < 0.8 ? 3 : 60))); // delete
      if (kind >= 0.3) insert = pick(PIECES);
      if (text.length < original.length / 4) insert = original.slice(0, 200); // keep something to edit
      const range = { start: doc.positionAt(at), end: doc.positionAt(end) };
      await client.change(uri, range, insert);
      doc = TextDocument.create(uri, "keepalived", k + 1, text.slice(0, at) + insert + text.slice(end));

      if (k % CHECK_EVERY !== 0) continue;
      // A request is answered after every earlier notification is read, so the server has the text;
      // the second hover is timed on its own.
      const line = Math.floor(random() * doc.lineCount);
      const hoverParams = { textDocument: { uri }, position: { line, character: 4 } };
      await client.request("textDocument/hover", hoverParams);
      const t0 = performance.now();
      await client.request("textDocument/hover", hoverParams);
      const hoverMs = performance.now() - t0;
      slowestHover = Math.max(slowestHover, hoverMs);
      assert.ok(hoverMs < HOVER_BOUND_MS, `hover after ${k} edits took ${hoverMs.toFixed(0)} ms`);
      const expected = freshDiagnostics(files, file, doc.getText());
      try {
        await client.waitFor(() => JSON.stringify(withoutDocLinks(client.diagnostics.get(uri))) === JSON.stringify(expected), 10000, `the full-check diagnostics after ${k} edits`);
      } catch {
        assert.deepEqual(withoutDocLinks(client.diagnostics.get(uri)), expected, `after ${k} edits (seeded; text:\n${doc.getText()})`);
      }
      const rss = rssMb(client.process.pid!);
      firstRss ??= rss;
      assert.ok(rss < RSS_BOUND_MB, `server RSS ${rss.toFixed(0)} MB after ${k} edits`);
      assert.ok(rss < firstRss * 2 + 50, `server RSS grew from ${firstRss.toFixed(0)} to ${rss.toFixed(0)} MB over ${k} edits`);
    }
    console.log(`# slowest hover ${slowestHover.toFixed(1)} ms; server RSS ${firstRss?.toFixed(0)} → ${rssMb(client.process.pid!).toFixed(0)} MB`);
    // Still a working server: back to the original text, a hover on router_id has its answer.
    await client.change(uri, { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, original);
    const at = TextDocument.create(uri, "keepalived", 1, original).positionAt(original.indexOf("router_id") + 2);
    const hover = await client.request<{ contents: unknown } | null>("textDocument/hover", { textDocument: { uri }, position: at });
    assert.ok(hover && JSON.stringify(hover.contents).includes("router_id"), `hover on router_id answers: ${JSON.stringify(hover)}`);
    await client.waitFor(() => JSON.stringify(withoutDocLinks(client.diagnostics.get(uri))) === JSON.stringify(freshDiagnostics(files, file, original)), 10000, "the original diagnostics");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

