// Messages are made safe to print: unprintable characters are shown escaped wherever they sit, and
// a message without any keeps its object.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { printable, Diagnostic } from "../../server/src/core/check/diagnostic";

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const diagnostic = (message: string, related: string[] = []): Diagnostic => ({
  file: "/ws/keepalived.conf",
  range: at,
  severity: "error",
  code: "unknown-keyword",
  message,
  related: related.map((m) => ({ file: "/ws/keepalived.conf", range: at, message: m })),
});

test("unprintable characters are escaped after plain text, after other non-ASCII text, and at the very start", () => {
  assert.equal(printable(diagnostic("Unknown keyword 'rou\u0000ter_id'")).message, "Unknown keyword 'rou\\u0000ter_id'");
  assert.equal(printable(diagnostic("Unknown keyword 'é\u00a0x'")).message, "Unknown keyword 'é\\u00A0x'");
  assert.equal(printable(diagnostic("\ufeffglobal_defs")).message, "\\uFEFFglobal_defs");
  assert.equal(printable(diagnostic("ok", ["note \u200b here"])).related![0].message, "note \\u200B here");
});

test("a clean message, even repeated or holding tabs, newlines and accented letters, keeps its diagnostic object", () => {
  for (const m of ["Unknown keyword 'zz' at the top level", "Unknown keyword 'zz' at the top level", "tab\tand\nnewline", "café ünïcode"]) {
    const d = diagnostic(m);
    assert.equal(printable(d), d);
  }
  // A clean message seen last does not hide an unprintable one of the same start.
  assert.equal(printable(diagnostic("Unknown keyword 'zz' at the top level\u0007")).message, "Unknown keyword 'zz' at the top level\\u0007");
});
