// The formatter changes blanks between tokens and breaks lines at braces, nothing else: same tokens,
// same comments on the same statements, and formatting twice changes nothing.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { formatText, formatEdits, MAX_INDENT_DEPTH } from "../../server/src/core/format/format";
import { keepalivedLexer } from "../../server/src/core/syntax/tokens";
import { MAX_NESTING } from "../../server/src/core/syntax/parse";
import { REPO } from "../helpers";

function tokenStream(text: string): string[] {
  const { tokens, groups } = keepalivedLexer.tokenize(text);
  const comments = (groups.comments ?? []).map((c) => `#${c.image.trimEnd()}`);
  return [...tokens.filter((t) => t.tokenType.name !== "Newline").map((t) => `${t.tokenType.name}:${t.tokenType.name === "Definition" ? t.image.replace(/[ \t\r]+$/gm, "") : t.image}`), ...comments];
}

function assertFormatsWell(text: string): string {
  const once = formatText(text);
  assert.deepEqual(tokenStream(once), tokenStream(text), "tokens and comments are kept");
  assert.ok(once.split("\n").length >= text.split("\n").length, "no line is joined to another");
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

test("multi-line definitions are left as written; a line after a trailing '\\' elsewhere is a line of its own", () => {
  // keepalived joins lines only inside a $NAME= definition: the line after `notify "/bin/a \` is a keyword line.
  const text = "$BODY=state MASTER \\\n      priority 100\nvrrp_instance X {\nnotify \"/bin/a \\\n   b\"\n}\n";
  const out = assertFormatsWell(text);
  assert.match(out, /\n {6}priority 100\n/);
  assert.match(out, /\n {4}notify "\/bin\/a \\\n {4}b"\n/);
});

test("a stray closing brace and an unclosed block do not throw or go negative", () => {
  assertFormatsWell("}\n}\nvrrp_instance X {\nstate MASTER\n");
});

test("CRLF files keep their line endings", () => {
  assert.equal(assertFormatsWell("a {\r\n  b 1   \r\n}\r\n"), "a {\r\n    b 1\r\n}\r\n");
});

test("each statement on its own line; one-line list blocks stay; one space between words outside quotes", () => {
  const text = 'vrrp_script chk {\nscript   "/bin/a   b"\nweight -20 }\nvrrp_instance X {\nrouter_id   lb-messy   # keep  this\nauthentication { auth_type PASS\nauth_pass x }\nvirtual_ipaddress { 192.0.2.1 }\ntrack_script { chk }\n}\nglobal_defs { router_id a } # one-liner\n';
  assert.equal(
    assertFormatsWell(text),
    'vrrp_script chk {\n    script "/bin/a   b"\n    weight -20\n}\nvrrp_instance X {\n    router_id lb-messy   # keep  this\n    authentication {\n        auth_type PASS\n        auth_pass x\n    }\n    virtual_ipaddress { 192.0.2.1 }\n    track_script { chk }\n}\nglobal_defs {\n    router_id a\n} # one-liner\n',
  );
});

test("lines an @id, a ~SEQ or a $NAME applies to as a whole are not split", () => {
  const text = "vrrp_instance X {\n@lb1 authentication {  auth_type PASS }\n~SEQ(i,1,2) virtual_ipaddress_excluded {  10.0.0.$i }\n$AUTH { x }\n}\n";
  assert.equal(assertFormatsWell(text), "vrrp_instance X {\n    @lb1 authentication { auth_type PASS }\n    ~SEQ(i,1,2) virtual_ipaddress_excluded { 10.0.0.$i }\n    $AUTH { x }\n}\n");
});

test("a BOM, no-break spaces and bytes that are not UTF-8 (read as latin1) are kept where they are", () => {
  const nbsp = "\u00a0";
  const text = `\ufeffglobal_defs {\n  router_id${nbsp}a\n  ${nbsp}notification_email_from  x\n}\n`;
  assert.equal(formatText(text), `\ufeffglobal_defs {\n    router_id${nbsp}a\n  ${nbsp}notification_email_from  x\n}\n`);
  const latin1 = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("a {\n b  \xe9t\xe9 \u00c2\u00a0c\n}\n", "latin1")]).toString("latin1");
  const out = formatText(latin1);
  assert.equal(out, "\u00ef\u00bb\u00bfa {\n    b \xe9t\xe9 \u00c2\u00a0c\n}\n");
  assert.equal(formatText(out), out);
});

test("10,000 nested blocks: indentation stops at MAX_INDENT_DEPTH, and lines past the parser's nesting cap are left as written", () => {
  const n = 10_000;
  const text = "a {\n".repeat(n) + "b 1\n" + "}\n".repeat(n);
  const out = formatText(text);
  const lines = out.split("\n");
  assert.equal(lines[MAX_NESTING - 1], " ".repeat(MAX_INDENT_DEPTH * 4) + "a {", "the last block the parser reads is indented, at the cap");
  assert.equal(lines[MAX_NESTING], "a {", "the first one past the parser's cap is left as written");
  assert.equal(lines[n], "b 1");
  assert.equal(lines[2 * n - MAX_NESTING], "}", "the brace closing the first block past the cap is left as written");
  assert.equal(lines[2 * n - MAX_NESTING + 1], " ".repeat(MAX_INDENT_DEPTH * 4) + "}", "the brace closing the last block read is indented again");
  assert.ok(out.length < text.length + 2 * MAX_NESTING * (MAX_INDENT_DEPTH * 4 + 1), `output is ${out.length} characters`);
  assert.equal(formatText(out), out);
  const shallow = "a {\n".repeat(40) + "b 1\n" + "}\n".repeat(40);
  assert.ok(formatText(shallow).includes(`\n${" ".repeat(MAX_INDENT_DEPTH * 4)}b 1\n`), "below the parser's cap, indentation stops at MAX_INDENT_DEPTH");
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

test("the formatter's tokens (plain lines split without the lexer) are the lexer's, in order, for random texts", async () => {
  const { tokensForFormatting } = await import("../../server/src/core/format/format");
  const { offsetLexer } = await import("../../server/src/core/syntax/tokens");
  const pieces = ["a", "x1", "{", "}", " ", "\t", "\n", "\r\n", "\\", "\\\n", '"', "#", "!", "$A=1", "$", "@id", "@", "~SEQ(i,1,2)", ")", "~", "\u00a0", "\ufeff", "é", "10.0.0.1/24", "\f"];
  const reference = (text: string) => {
    const { tokens, groups } = offsetLexer.tokenize(text);
    return [...tokens.filter((t) => t.tokenType.name !== "Newline"), ...(groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset).map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
  };
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      const text = parts.join("");
      assert.deepEqual(tokensForFormatting(text).map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`), reference(text));
    }),
    { numRuns: 3000, seed: 7 },
  );
});
