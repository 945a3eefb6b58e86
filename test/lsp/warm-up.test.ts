// A large file gets a warm-up pass when it opens (service/warmUp.ts: a character and an Enter typed in
// its middle and undone, through the real workspace). What the server then publishes, and what it
// publishes after the user's first keystroke, must be what a fresh full check of the text gives.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, LspDiagnostic } from "./lspClient";
import { Workspace } from "../../server/src/core/check/workspace";
import { toLspDiagnostic } from "../../server/src/service/diagnostics";
import { DEFAULT_SETTINGS } from "../../server/src/service/settings";
import { benchFile } from "../../scripts/benchFile";

function fullCheck(file: string, text: string): LspDiagnostic[] {
  const ws = new Workspace({ includeRoots: [], targetVersion: undefined, peerPairing: {} });
  ws.setText(file, text);
  ws.addFiles([file]);
  return strip(ws.diagnostics().filter((d) => d.file === file).map((d) => toLspDiagnostic(d, DEFAULT_SETTINGS.severityOverrides)) as LspDiagnostic[]);
}

/** Plain JSON, without the doc link (its place depends on the bundle). */
function strip(list: LspDiagnostic[] | undefined): LspDiagnostic[] {
  return JSON.parse(JSON.stringify((list ?? []).map(({ codeDescription: _link, ...rest }) => rest)));
}

test("a large file warmed up on open publishes what a full check gives, before and after the first keystroke", { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-warm-up-"));
  const file = path.join(dir, "keepalived.conf");
  // Large enough for the warm-up; a priority out of range near the end, below the lines the warm-up touches.
  const lines = benchFile(2000).split("\n");
  const last = lines.lastIndexOf("    priority 100");
  lines[last] = "    priority 300";
  const text = lines.join("\n");
  assert.ok(text.length > 20_000, "the file is large enough to be warmed up");
  fs.writeFileSync(file, text);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, text);
    const opened = await client.nextDiagnostics(uri, 30_000);
    assert.ok(opened.some((d) => d.code === "invalid-value" && d.range.start.line === last), "the out-of-range priority is reported where it is");
    assert.deepEqual(strip(opened), fullCheck(file, text));
    const first = lines.indexOf("    priority 100");
    const pending = client.nextDiagnostics(uri, 30_000);
    await client.change(uri, { start: { line: first, character: 16 }, end: { line: first, character: 16 } }, "0");
    const typed = lines.map((l, i) => (i === first ? l + "0" : l)).join("\n");
    assert.deepEqual(strip(await pending), fullCheck(file, typed));
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a file over the warm-up size is published after one check, without the four warm-up checks", async () => {
  const { warmUpOpened, WARM_UP_MAX_CHARS } = await import("../../server/src/service/warmUp");
  const file = "/etc/keepalived/keepalived.conf";
  const check = (text: string) => {
    const ws = new Workspace({ includeRoots: [], targetVersion: undefined, peerPairing: {} });
    ws.setText(file, text);
    ws.addFiles([file]);
    let checks = 0;
    const diagnostics = ws.diagnostics.bind(ws);
    ws.diagnostics = () => (checks++, diagnostics());
    warmUpOpened({ text: () => text, workspace: ws } as unknown as Parameters<typeof warmUpOpened>[0], file);
    return checks;
  };
  const line = "vrrp_script chk {\n  script /bin/true\n}\n";
  assert.equal(check(line.repeat(Math.ceil(30_000 / line.length))), 5, "a 30 KB file is warmed up");
  assert.equal(check(line.repeat(Math.ceil((WARM_UP_MAX_CHARS + 1) / line.length))), 0, "a file over the limit is not");
});
