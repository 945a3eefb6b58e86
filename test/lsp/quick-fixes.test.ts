// Quick fixes a user gets from the lightbulb, and "Fix all" (source.fixAll.keepalived, what
// editor.codeActionsOnSave runs): the real server over JSON-RPC.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TestClient, LspDiagnostic } from "./lspClient";

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: { changes: Record<string, { range: LspDiagnostic["range"]; newText: string }[]> };
}

const CONFIG = `vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    weight -20
}
vrrp_instance VI_1 {
    state MASTR
    interface eth0
    virtual_router_id 51
    priority 100
    authentication {
        auth_type PASSWORD
        auth_pass secret12
    }
    virtual_ipaddress {
        192.0.2.1
    }
    track_script {
        chk_ngnix
    }
}
virtual_server 192.0.2.1 80 {
    lb_algo rrr
    protocol TCP
    real_server 10.0.0.1 80 {
    }
}
`;

async function withServer(body: (client: TestClient, uri: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kafix-"));
  const file = path.join(dir, "keepalived.conf");
  fs.writeFileSync(file, CONFIG);
  const client = new TestClient();
  try {
    client.settings = { severityOverrides: { "vrrp-firewall-hint": "off" } };
    await client.initialize([dir]);
    const uri = await client.open(file, CONFIG);
    await client.waitFor(() => (client.diagnostics.get(uri)?.length ?? 0) >= 4, 10_000, "the four planted problems");
    await body(client, uri);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function diagnosticOn(client: TestClient, uri: string, word: string): LspDiagnostic {
  const line = CONFIG.split("\n").findIndex((l) => l.includes(word));
  const column = CONFIG.split("\n")[line].indexOf(word);
  const d = client.diagnostics.get(uri)!.find((x) => x.range.start.line === line && x.range.start.character === column);
  assert.ok(d, `no diagnostic on line ${line + 1} (${word}); have ${JSON.stringify(client.diagnostics.get(uri))}`);
  return d;
}

async function fixesFor(client: TestClient, uri: string, d: LspDiagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ["quickfix"] } });
}

test("every enum value and every reference to a defined name gets a did-you-mean quick fix", async () => {
  await withServer(async (client, uri) => {
    for (const [word, expected] of [["MASTR", "MASTER"], ["PASSWORD", "PASS"], ["rrr", "rr"], ["chk_ngnix", "chk_nginx"]]) {
      const d = diagnosticOn(client, uri, word);
      const actions = await fixesFor(client, uri, d);
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred, `${word}: no preferred fix among ${actions.map((a) => a.title).join(", ")}`);
      assert.equal(preferred.title, `Change to '${expected}'`);
      assert.deepEqual(Object.values(preferred.edit!.changes)[0], [{ range: d.range, newText: expected }]);
    }
  });
});

test("source.fixAll.keepalived applies only the fixes that restore a slip of the fingers, with one candidate", async () => {
  await withServer(async (client, uri) => {
    const caps = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll.keepalived"], triggerKind: 2 },
    });
    assert.equal(caps.length, 1, JSON.stringify(caps));
    const all = caps[0];
    assert.equal(all.kind, "source.fixAll.keepalived");
    const edits = all.edit!.changes[uri];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, "keepalived", 1, CONFIG), edits);
    assert.match(fixed, /state MASTER\n/);
    assert.match(fixed, /^\s+chk_nginx$/m);
    // PASSWORD → PASS drops real letters: offered, but a human decides.
    assert.match(fixed, /auth_type PASSWORD\n/);
    // `rrr` is one letter from both rr and wrr: a human decides.
    assert.match(fixed, /lb_algo rrr\n/);
    // Asking for quick fixes does not bring the fix-all along.
    const quick = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["quickfix"] } });
    assert.ok(quick.every((a) => a.kind === "quickfix"));
  });
});

test("the server announces the fix-all kind, so editor.codeActionsOnSave can ask for it", async () => {
  const client = new TestClient();
  try {
    const init = await client.initialize([os.tmpdir()]);
    const provider = init.capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.deepEqual(provider.codeActionKinds.sort(), ["quickfix", "source.fixAll.keepalived"]);
  } finally {
    await client.stop();
  }
});

test("what counts as safe, on the slips found in the real-world corpus", async () => {
  const { isSafeCorrection } = await import("../../server/src/core/util/names");
  // Seen in ../shared/corpus/real-world/configs: each restores what the fingers lost.
  for (const [word, fix] of [["advert_in", "advert_int"], ["smtp_connect_time", "smtp_connect_timeout"], ["lvs_sync_daemon_inteface", "lvs_sync_daemon_interface"], ["backup", "BACKUP"], ["PASS;", "PASS"], ["chk_ngnix", "chk_nginx"], ["MASTR", "MASTER"]])
    assert.ok(isSafeCorrection(word, fix), `${word} → ${fix} should be safe`);
  // Each of these drops or changes real letters: FNAT is a forwarding method of its own in LVS forks.
  for (const [word, fix] of [["FNAT", "NAT"], ["PASSWORD", "PASS"], ["rrr", "wrr"], ["chk_web", "chk_db"]]) assert.ok(!isSafeCorrection(word, fix), `${word} → ${fix} should not be safe`);
});
