// The formatter re-indents and trims, nothing else: same tokens, same comments, same line count,
// and formatting twice changes nothing.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { formatText, formatEdits } from "../../server/src/core/format/format";
import { keepalivedLexer } from "../../server/src/core/syntax/tokens";
import { REPO } from "../helpers";

function tokenStream(text: string): string[] {
  const { tokens, groups } = keepalivedLexer.tokenize(text);
  const comments = (groups.comments ?? []).map((c) => `#${c.image.trimEnd()}`);
  return [...tokens.map((t) => `${t.tokenType.name}:${t.tokenType.name === "Definition" ? t.image.replace(/[ \t]+$/gm, "") : t.image}`), ...comments];
}

function assertFormatsWell(text: string): string {
  const once = formatText(text);
  assert.deepEqual(tokenStream(once), tokenStream(text), "tokens and comments are kept");
  assert.equal(once.split("\n").length, text.split("\n").length, "line count is kept");
  assert.equal(formatText(once), once, "formatting is idempotent");
  return once;
}

test("blocks are re-indented by depth, closing braces one level out", () => {
  const text = "global_defs {\nrouter_id a   \n      }\nvrrp_instance X {\n state MASTER # why\n  authentication {\nauth_type PASS\n}\n}\n";
  assert.equal(
    assertFormatsWell(text),
    "global_defs {\n    router_id a\n}\nvrrp_instance X {\n    state MASTER # why\n    authentication {\n        auth_type PASS\n    }\n}\n",
  );
});

test("the indent unit is an option", () => {
  assert.equal(formatText("a {\nb 1\n}\n", { indent: "\t" }), "a {\n\tb 1\n}\n");
});

test("braces inside quotes and comments do not count", () => {
  assert.equal(assertFormatsWell('vrrp_script s {\nscript "/bin/echo {"\n# } not a brace\ninterval 2\n}\n'), 'vrrp_script s {\n    script "/bin/echo {"\n    # } not a brace\n    interval 2\n}\n');
});

test("continued lines and multi-line definitions are left as written", () => {
  const text = "$BODY=state MASTER \\\n      priority 100\nvrrp_instance X {\nnotify \"/bin/a \\\n   b\"\n}\n";
  const out = assertFormatsWell(text);
  assert.match(out, /\n {6}priority 100\n/);
  assert.match(out, /\n {3}b"\n/);
});

test("a stray closing brace and an unclosed block do not throw or go negative", () => {
  assertFormatsWell("}\n}\nvrrp_instance X {\nstate MASTER\n");
});

test("CRLF files keep their line endings", () => {
  assert.equal(assertFormatsWell("a {\r\n  b 1   \r\n}\r\n"), "a {\r\n    b 1\r\n}\r\n");
});

test("range edits touch only the lines asked for", () => {
  const text = "a {\nb 1\nc 2\n}\n";
  const edits = formatEdits(text, undefined, 2, 2);
  assert.deepEqual(edits, [{ startLine: 2, endLine: 3, lines: ["    c 2"] }]);
});

test("the example cluster is formatted already", () => {
  for (const dir of ["lb-a", "lb-b"]) {
    const text = fs.readFileSync(path.join(REPO, "examples", "cluster", dir, "keepalived.conf"), "utf8");
    assert.equal(assertFormatsWell(text), text);
  }
});

test("fuzz: random token soups keep their tokens and format idempotently", () => {
  const piece = fc.constantFrom("vrrp_instance", "VI_1", "{", "}", "state", "MASTER", "# note {", "! bang }", '"quoted { str"', '"open', "\\", "\\ ", "$X", "${Y}", "@lb1", "~SEQ(i,3)", "a\\#b", "10.0.0.1/24", "\t", "   ");
  const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(fc.sample(fc.constantFrom(" ", "  ", "\t"), 1)[0]));
  const defLine = fc.constantFrom("$V=1", "$W=a \\", "  $Z = {", "@x $Q=2");
  const doc = fc.array(fc.oneof(line, line, line, defLine), { maxLength: 30 }).map((lines) => lines.join("\n"));
  fc.assert(fc.property(doc, (text) => void assertFormatsWell(text)), { numRuns: 400 });
});
