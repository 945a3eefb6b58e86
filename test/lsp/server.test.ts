// The language server as an editor uses it: the real dist/server.js over stdio, a copy of the
// example cluster (lb-a and lb-b share common/scripts.conf; their virtual_router_id differs).
import { test, before, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TestClient, uriOf, LspDiagnostic } from "./lspClient";
import { REPO } from "../helpers";

type Range = LspDiagnostic["range"];
interface TextEdit {
  range: Range;
  newText: string;
}
interface CompletionItem {
  label: string;
  insertText?: string;
  documentation?: { value: string } | string;
}

let dir: string;
let client: TestClient;
const texts = new Map<string, string>();
let lbA: string, lbB: string, scripts: string;

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `'${needle}' not found`);
  const doc = TextDocument.create("x:", "keepalived", 1, text);
  return doc.positionAt(offset + delta);
}

/** Applies edits to an open document and tells the server, as an editor does. */
async function applyToOpen(uri: string, edits: TextEdit[]): Promise<void> {
  const old = texts.get(uri)!;
  const doc = TextDocument.create(uri, "keepalived", 1, old);
  // Sent one by one, last first, so earlier ranges stay valid: an incremental sync per edit.
  for (const e of [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) await client.change(uri, e.range, e.newText);
  texts.set(uri, TextDocument.applyEdits(doc, edits));
}

async function openFile(file: string): Promise<string> {
  const text = fs.readFileSync(file, "utf8");
  const uri = await client.open(file, text);
  texts.set(uri, text);
  return uri;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-"));
  fs.cpSync(path.join(REPO, "examples", "cluster"), dir, { recursive: true });
  lbA = path.join(dir, "lb-a", "keepalived.conf");
  lbB = path.join(dir, "lb-b", "keepalived.conf");
  scripts = path.join(dir, "common", "scripts.conf");
  client = new TestClient();
  // The once-per-node firewall hint would keep lists from ever being empty.
  client.settings = { severityOverrides: { "vrrp-firewall-hint": "off" } };
  const init = await client.initialize([dir]);
  assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, "incremental sync");
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("opening one node shows its cross-file mismatch with the peer on disk", async () => {
  const uri = await openFile(lbA);
  await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "vrid-mismatch"), 5000, "vrid-mismatch");
  const d = client.diagnostics.get(uri)!.find((x) => x.code === "vrid-mismatch")!;
  assert.equal(d.source, "keepalived");
  // The link opens the diagnostics doc shipped with the extension at the code's heading.
  const href = new URL(d.codeDescription!.href);
  assert.equal(href.protocol, "file:");
  const docLines = fs.readFileSync(decodeURIComponent(href.pathname), "utf8").split("\n");
  assert.match(docLines[Number(/^#L(\d+)$/.exec(href.hash)![1]) - 1], /^#+ vrid-mismatch$/);
  assert.equal(d.range.start.line, positionOf(texts.get(uri)!, "virtual_router_id").line);
  assert.equal(d.relatedInformation?.[0].location.uri, uriOf(lbB), "points at the peer's value");
  // The peer is not open, but it is indexed, so it gets the mirror diagnostic.
  await client.waitFor(() => !!client.diagnostics.get(uriOf(lbB))?.some((x) => x.code === "vrid-mismatch"));
});

test("completion inside vrrp_instance offers its keywords, not global_defs ones", async () => {
  const uri = uriOf(lbA);
  const pos = positionOf(texts.get(uri)!, "    state MASTER");
  const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: pos.line, character: 4 } });
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes("virtual_router_id") && labels.includes("priority"));
  assert.ok(!labels.includes("notification_email") && !labels.includes("router_id"));
  const prio = items.find((i) => i.label === "priority")!;
  assert.match(typeof prio.documentation === "string" ? prio.documentation : prio.documentation!.value, /priority/);
});

test("after `state ` completion offers the enum values", async () => {
  const uri = uriOf(lbA);
  const pos = positionOf(texts.get(uri)!, "    state MASTER", "    state ".length);
  const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: pos });
  assert.deepEqual(items.map((i) => i.label).sort(), ["BACKUP", "MASTER"]);
});

test("inside track_script completion offers the defined scripts, documented", async () => {
  const uri = uriOf(lbA);
  const pos = positionOf(texts.get(uri)!, "        chk_nginx");
  const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: pos.line, character: 8 } });
  const chk = items.find((i) => i.label === "chk_nginx");
  assert.ok(chk, `got ${items.map((i) => i.label)}`);
  assert.match((chk.documentation as { value: string }).value, /pgrep -x nginx/);
});

test("at the top level, snippets include the counterpart of the peer's instance", async () => {
  const file = path.join(dir, "lb-c", "keepalived.conf");
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, "! Configuration File for keepalived\n\n");
  const uri = await openFile(file);
  const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 0 } });
  const counterpart = items.find((i) => i.label.startsWith("vrrp_instance VI_WEB (counterpart of lb-a"));
  assert.ok(counterpart, `got ${items.map((i) => i.label).filter((l) => l.includes("vrrp"))}`);
  assert.match(counterpart.insertText!, /state BACKUP/);
  assert.match(counterpart.insertText!, /priority 100/);
  assert.match(counterpart.insertText!, /virtual_router_id 51/);
  assert.match(counterpart.insertText!, /192\.0\.2\.10\/24/);
  assert.ok(items.some((i) => i.label === "virtual_server {…}"));
  await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  fs.rmSync(path.dirname(file), { recursive: true });
});

test("hover shows a keyword's documentation and what a tracked script is", async () => {
  const uri = uriOf(lbA);
  const text = texts.get(uri)!;
  const kw = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "priority 150", 2) });
  assert.match(kw.contents.value, /priority/);
  assert.match(kw.contents.value, /Blocks: vrrp_instance/);
  const ref = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "        chk_nginx", 10) });
  assert.match(ref.contents.value, /vrrp_script chk_nginx/);
  assert.match(ref.contents.value, /scripts\.conf/);
});

test("the firewall rules a node needs are in the hover of vrrp_instance and unicast_peer, not in Problems", async () => {
  const uri = uriOf(lbA);
  const text = texts.get(uri)!;
  for (const needle of ["vrrp_instance VI_WEB", "unicast_peer {"]) {
    const h = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, 2) });
    assert.match(h.contents.value, /Firewall/, needle);
    assert.match(h.contents.value, /IP protocol 112/);
    assert.match(h.contents.value, /firewall-cmd .*source address="10\.0\.0\.12"/);
    assert.match(h.contents.value, /nft add rule .*saddr 10\.0\.0\.12/);
  }
  const plain = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "priority 150", 2) });
  assert.doesNotMatch(plain.contents.value, /Firewall/);
  await client.waitFor(() => client.diagnostics.has(uri));
  assert.ok(!client.diagnostics.get(uri)!.some((d) => d.code === "vrrp-firewall-hint"));
});

test("go to definition and find references follow the shared include into both nodes", async () => {
  const uri = uriOf(lbA);
  const pos = positionOf(texts.get(uri)!, "        chk_nginx", 10);
  const defs = await client.request<{ uri: string; range: Range }[]>("textDocument/definition", { textDocument: { uri }, position: pos });
  assert.deepEqual(defs.map((d) => d.uri), [uriOf(scripts)]);
  const refs = await client.request<{ uri: string }[]>("textDocument/references", { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
  assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [uriOf(lbA), uriOf(lbB), uriOf(scripts)].sort());
});

test("document links turn include lines into links", async () => {
  const uri = uriOf(lbA);
  const links = await client.request<{ target: string; range: Range }[]>("textDocument/documentLink", { textDocument: { uri } });
  assert.equal(links.length, 1);
  assert.equal(links[0].target, uriOf(scripts));
  assert.equal(links[0].range.start.line, positionOf(texts.get(uri)!, "include").line);
});

test("document symbols outline the blocks; folding covers them", async () => {
  const uri = uriOf(lbA);
  const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>("textDocument/documentSymbol", { textDocument: { uri } });
  const vi = symbols.find((s) => s.name === "vrrp_instance VI_WEB");
  assert.ok(vi, `got ${symbols.map((s) => s.name)}`);
  assert.ok(vi.children!.some((c) => c.name === "authentication"));
  const folds = await client.request<{ startLine: number; endLine: number; kind?: string }[]>("textDocument/foldingRange", { textDocument: { uri } });
  const start = positionOf(texts.get(uri)!, "vrrp_instance").line;
  assert.ok(folds.some((f) => f.startLine === start && f.endLine > start + 10));
  assert.ok(folds.some((f) => f.kind === "comment" && f.startLine === 0));
  const sel = await client.request<{ range: Range; parent?: unknown }[]>("textDocument/selectionRange", { textDocument: { uri }, positions: [positionOf(texts.get(uri)!, "eth0")] });
  assert.ok(sel[0].parent, "a word expands to its statement and block");
  const ws = await client.request<{ name: string }[]>("workspace/symbol", { query: "nginx" });
  assert.ok(ws.some((s) => s.name === "chk_nginx"));
});

test("a misspelt keyword gets a quick-fix; applying it clears the diagnostic", async () => {
  const uri = uriOf(lbA);
  const pos = positionOf(texts.get(uri)!, "priority 150");
  await applyToOpen(uri, [{ range: { start: pos, end: { line: pos.line, character: pos.character + "priority".length } }, newText: "priorty" }]);
  await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "unknown-keyword"), 5000, "unknown-keyword");
  const diag = client.diagnostics.get(uri)!.find((d) => d.code === "unknown-keyword")!;
  const actions = await client.request<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }[]>("textDocument/codeAction", {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag], only: ["quickfix"] },
  });
  const fix = actions.find((a) => a.isPreferred);
  assert.equal(fix?.title, "Change to 'priority'");
  await applyToOpen(uri, fix.edit.changes[uri]);
  assert.match(texts.get(uri)!, /priority 150/);
  await client.waitFor(() => !client.diagnostics.get(uri)?.some((d) => d.code === "unknown-keyword"), 5000, "the fix to clear it");
});

test("renaming a vrrp_script renames its definition and every reference, across files", async () => {
  const uri = uriOf(lbA);
  const pos = positionOf(texts.get(uri)!, "        chk_nginx", 9);
  const prepared = await client.request<{ placeholder: string }>("textDocument/prepareRename", { textDocument: { uri }, position: pos });
  assert.equal(prepared.placeholder, "chk_nginx");
  const edit = await client.request<{ changes: Record<string, TextEdit[]> }>("textDocument/rename", { textDocument: { uri }, position: pos, newName: "chk_web" });
  assert.deepEqual(Object.keys(edit.changes).sort(), [uriOf(lbA), uriOf(lbB), uriOf(scripts)].sort());
  // Apply as an editor would: open buffers get edits, closed files are written.
  for (const [target, edits] of Object.entries(edit.changes)) {
    if (texts.has(target)) await applyToOpen(target, edits);
    else {
      const file = target === uriOf(lbB) ? lbB : scripts;
      fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(target, "keepalived", 1, fs.readFileSync(file, "utf8")), edits));
      await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: target, type: 2 }] });
    }
  }
  assert.match(fs.readFileSync(scripts, "utf8"), /vrrp_script chk_web \{/);
  assert.match(fs.readFileSync(lbB, "utf8"), /^\s+chk_web$/m);
  // No undefined-reference anywhere: the rename was complete.
  await new Promise((r) => setTimeout(r, 400));
  for (const [u, list] of client.diagnostics) assert.ok(!list.some((d) => d.code === "undefined-reference" || d.code === "unused-definition"), `${u}: ${JSON.stringify(list)}`);
});

test("fixing the peer on disk clears the mismatch in both files (empty lists published)", async () => {
  fs.writeFileSync(lbB, fs.readFileSync(lbB, "utf8").replace("virtual_router_id 52", "virtual_router_id 51"));
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(lbB), type: 2 }] });
  await client.waitFor(() => client.diagnostics.get(uriOf(lbA))?.length === 0 && client.diagnostics.get(uriOf(lbB))?.length === 0, 5000, "empty lists");
});

test("formatting re-indents a document; range formatting touches only its lines", async () => {
  const file = path.join(dir, "messy.keepalived.conf");
  const messy = "vrrp_script chk {\nscript \"/bin/true\"\n      interval 2\n}\n";
  fs.writeFileSync(file, messy);
  const uri = await openFile(file);
  const options = { tabSize: 4, insertSpaces: true };
  const all = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options });
  assert.equal(TextDocument.applyEdits(TextDocument.create(uri, "keepalived", 1, messy), all), 'vrrp_script chk {\n    script "/bin/true"\n    interval 2\n}\n');
  const some = await client.request<TextEdit[]>("textDocument/rangeFormatting", { textDocument: { uri }, options, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } } });
  assert.deepEqual(some.map((e) => e.range.start.line), [2]);
});

test("Format Document puts each statement on its own line and one space between words (LF and CRLF)", async () => {
  for (const eol of ["\n", "\r\n"]) {
    const file = path.join(dir, `split${eol.length}.keepalived.conf`);
    const messy = ["vrrp_script chk {", "script \"/bin/true\"", "weight -20 }", "vrrp_instance V {", "router_id   lb-messy # why", "authentication { auth_type PASS", "auth_pass x }", "virtual_ipaddress { 192.0.2.1 }", "}", ""].join(eol);
    fs.writeFileSync(file, messy);
    const uri = await openFile(file);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, "keepalived", 1, messy), edits);
    const expected = ["vrrp_script chk {", '  script "/bin/true"', "  weight -20", "}", "vrrp_instance V {", "  router_id lb-messy # why", "  authentication {", "    auth_type PASS", "    auth_pass x", "  }", "  virtual_ipaddress { 192.0.2.1 }", "}", ""].join(eol);
    assert.equal(formatted, expected);
  }
});

test("$VARS: definition, hover and rename touch only the name", async () => {
  const file = path.join(dir, "vars.keepalived.conf");
  const text = "$IFACE=eth0\nvrrp_instance V {\n    interface $IFACE\n    unicast_src_ip 10.0.0.1\n    virtual_router_id 9\n    priority 10\n    track_interface {\n        ${IFACE}\n    }\n}\n";
  fs.writeFileSync(file, text);
  const uri = await openFile(file);
  const use = positionOf(text, "$IFACE\n    unicast", 2);
  const defs = await client.request<{ range: Range }[]>("textDocument/definition", { textDocument: { uri }, position: use });
  assert.deepEqual(defs.map((d) => d.range.start), [{ line: 0, character: 1 }]);
  const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: use });
  assert.match(hover.contents.value, /\$IFACE=eth0/);
  const edit = await client.request<{ changes: Record<string, TextEdit[]> }>("textDocument/rename", { textDocument: { uri }, position: use, newName: "NIC" });
  const renamed = TextDocument.applyEdits(TextDocument.create(uri, "keepalived", 1, text), edit.changes[uri]);
  assert.equal(renamed, text.replace(/IFACE/g, "NIC"));
});
