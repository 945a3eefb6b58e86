// Expand Selection answers with ranges inside the document, also for a position the client sent from a
// stale view (past a line's end, past the last line): such a range used to be echoed back as given, and a
// client checks that every range it receives lies in the document.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Range } from "vscode-languageserver/node";
import { TestClient } from "./lspClient";

interface Sel {
  range: Range;
  parent?: Sel;
}

function rangesOf(sel: Sel): Range[] {
  const out: Range[] = [];
  for (let s: Sel | undefined = sel; s; s = s.parent) out.push(s.range);
  return out;
}

test("selection ranges lie inside the document, even for positions past a line's end or the text's end", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-selection-"));
  const file = path.join(dir, "keepalived.conf");
  const text = "vrrp_instance V {\r\n    interface eth0\r\n}\r\nglobal_defs {\r\n}";
  fs.writeFileSync(file, text);
  const lines = text.split(/\r\n|\r|\n/);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, text);
    const positions = [
      { line: 1, character: 200 }, // past the end of "    interface eth0"
      { line: 40, character: 3 }, // past the last line
      { line: 1, character: 6 }, // a real place: in "interface"
    ];
    const answer = await client.request<Sel[]>("textDocument/selectionRange", { textDocument: { uri }, positions });
    assert.equal(answer.length, positions.length);
    for (const sel of answer) {
      for (const r of rangesOf(sel)) {
        for (const p of [r.start, r.end]) {
          assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${JSON.stringify(r)} lies outside the document`);
        }
      }
    }
    // The position past the end of line 1 answers for that line's end: inside vrrp_instance V's block.
    assert.deepEqual(rangesOf(answer[0]).at(-1), { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } });
    // The real place still gets its word first.
    assert.deepEqual(answer[2].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 13 } });
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("each selection range holds the position and the range before it (blocks sharing a line, a block left open)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-selection-"));
  const cases: [string, { line: number; character: number }][] = [
    ["vrrp_instance VI_1 { authentication {\n    auth_type PASS\n} }\n", { line: 1, character: 6 }],
    ["vrrp_instance VI_1\n{\n    state MASTER  \n", { line: 2, character: 18 }],
    ["vrrp_instance VI_1\n{\n    state MASTER  \n", { line: 3, character: 0 }],
  ];
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uris: string[] = [];
    for (const [i, [text, position]] of cases.entries()) {
      const file = path.join(dir, `k${i}.conf`);
      fs.writeFileSync(file, text);
      const uri = await client.open(file, text);
      uris.push(uri);
      const [sel] = await client.request<Sel[]>("textDocument/selectionRange", { textDocument: { uri }, positions: [position] });
      const chain = rangesOf(sel);
      const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      const holds = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
      assert.ok(holds(chain[0], { start: position, end: position }), `${JSON.stringify(chain[0])} does not hold the position (${JSON.stringify(text)})`);
      for (let k = 1; k < chain.length; k++) assert.ok(holds(chain[k], chain[k - 1]), `${JSON.stringify(chain[k])} does not hold ${JSON.stringify(chain[k - 1])} (${JSON.stringify(text)})`);
    }
    // The first case still widens from the word to the whole instance.
    const [sel] = await client.request<Sel[]>("textDocument/selectionRange", { textDocument: { uri: uris[0] }, positions: [cases[0][1]] });
    assert.deepEqual(rangesOf(sel).at(-1), { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } });
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
