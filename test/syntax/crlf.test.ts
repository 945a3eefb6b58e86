// Files written on Windows end their lines with CRLF. keepalived reads them as it reads LF files: a `\`
// before the line break continues a `$NAME=` value, and the "\r" is not part of any word. The editor
// counts the "\r" as part of the line break, so no range may reach past it.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { reparse } from "../../server/src/core/syntax/incremental";
import { Workspace } from "../../server/src/core/check/workspace";
import type { Item, SyntaxFile } from "../../server/src/core/syntax/tree";
import type { Range } from "../../server/src/core/util/range";
import { keepalivedBinary, runKeepalivedOnText } from "../oracle/keepalivedOracle";
import * as fs from "fs";
import * as path from "path";
import { sharedDir } from "../helpers";

const crlf = (lines: string[]) => lines.join("\r\n") + "\r\n";

test("a $NAME= value continued by '\\' at a CRLF line end is one definition, as keepalived reads it", async (t) => {
  const text = crlf(["$IP=10.0.0.1 \\", "bogus_word_zz", "global_defs {", "  router_id a", "}"]);
  const syntax = parseConfig(text);
  assert.deepEqual(
    syntax.items.map((i) => (i.kind === "definition" ? `$${i.name}` : i.kind === "statement" ? i.keyword.text : i.kind)),
    ["$IP", "global_defs"],
  );
  const ws = new Workspace({ includeRoots: [] });
  ws.setText("/crlf-test/keepalived.conf", text);
  ws.addFiles(["/crlf-test/keepalived.conf"]);
  assert.deepEqual(ws.diagnostics().filter((d) => d.code === "unknown-keyword"), [], "the continued line is not a keyword");
  const binary = keepalivedBinary();
  if (!binary) return t.skip("keepalived not installed (apt-get install keepalived): our reading checked, keepalived's not");
  const oracle = await runKeepalivedOnText(text, "keepalived.conf", { binary });
  assert.ok(!oracle.messages.some((m) => /Unknown keyword/.test(m.message)), `keepalived -t: ${oracle.raw}`);
});

/** Lengths of the editor's lines (a CRLF, CR or LF ends one). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function outside(r: Range, lengths: number[]): string | undefined {
  for (const p of [r.start, r.end]) if (p.line >= lengths.length || p.character > lengths[p.line]) return `${p.line}:${p.character}`;
  return undefined;
}

function rangesOf(syntax: SyntaxFile): Range[] {
  // Comments are left out: only their first line is used (folding), and the formatter reads their text as written.
  const out: Range[] = syntax.problems.map((p) => p.range);
  const walk = (items: Item[]) => {
    for (const i of items) {
      out.push(i.range);
      if (i.kind === "definition") out.push(i.nameRange);
      if (i.kind !== "statement") continue;
      out.push(i.keyword.range, ...i.args.map((a) => a.range));
      if (i.block) walk(i.block.items);
    }
  };
  walk(syntax.items);
  return out;
}

const PIECES = ["vrrp_instance V {", "}", "  router_id \"lb1", '  auth_pass "x"', "$X=abc", "$Y=a \\", "  b", "# note", "  priority 100 ! why", "@lb1 priority 9", "  \"unterminated \\", "{", "x y z", ""];

test("on CRLF lines no range of the tree reaches past the end of its line (an unterminated quote's and a definition's did, by the \\r)", () => {
  const fixed = [crlf(["global_defs {", '  router_id "lb1', "}"]), crlf(["$X=abc", "global_defs {", "  router_id $X", "}"])];
  for (const text of fixed) {
    const bad = rangesOf(parseConfig(text)).map((r) => outside(r, lineLengths(text))).filter(Boolean);
    assert.deepEqual(bad, [], JSON.stringify(text));
  }
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }), (lines) => {
      const text = crlf(lines);
      const bad = rangesOf(parseConfig(text)).map((r) => outside(r, lineLengths(text))).filter(Boolean);
      assert.deepEqual(bad, [], JSON.stringify(text));
    }),
    { numRuns: 1500, seed: 31 },
  );
});

/** As in incremental.test.ts: problems in position order (a re-parse reports the edited part's after the kept ones). */
function normalized(s: SyntaxFile) {
  const problems = [...s.problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.message.localeCompare(b.message));
  return { items: JSON.parse(JSON.stringify(s.items)), problems: JSON.parse(JSON.stringify(problems)), comments: JSON.parse(JSON.stringify(s.comments)) };
}

test("random edits to a CRLF file, continuations included: the incremental re-parse equals a full parse", () => {
  const base = crlf(["global_defs {", "  router_id lb1", "}", "$IP=10.0.0.1 \\", "10.0.0.2", "vrrp_instance V {", "  priority 100", "  virtual_ipaddress {", "    $IP", "  }", "}", "vrrp_script c {", "  script /bin/true", "}"]);
  const inserts = ["\r\n", "\\\r\n", "\\", "\r", "x", " {", "}\r\n", "$Z=1\r\n", "  weight 2\r\n", '"', "# c\r\n"];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(base.length * 2), fc.nat(6), fc.constantFrom(...inserts)), { minLength: 1, maxLength: 5 }), (edits) => {
      let text = base;
      let syntax = parseConfig(base);
      for (const [at0, del, ins] of edits) {
        const at = at0 % (text.length + 1);
        text = text.slice(0, at) + ins + text.slice(at + del);
        syntax = reparse(syntax, text);
        assert.deepEqual(normalized(syntax), normalized(parseConfig(text)));
      }
    }),
    { numRuns: 1500, seed: 32 },
  );
});

test("every real-world config saved with CRLF gives the same findings at the same places as with LF", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent: the real-world corpus is not beside the repo");
  const dir = path.join(shared, "corpus", "real-world", "configs");
  const findings = (file: string, text: string) => {
    const ws = new Workspace({ includeRoots: [] });
    ws.setText(file, text);
    ws.addFiles([file]);
    return ws.diagnostics().map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);
  };
  let compared = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".conf")).sort()) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    if (text.includes("\r")) continue; // written with CRLF already
    const file = `/crlf-corpus/${name}`;
    assert.deepEqual(findings(file, text.replace(/\n/g, "\r\n")), findings(file, text), name);
    compared++;
  }
  assert.ok(compared > 100, `${compared} files compared`);
});
