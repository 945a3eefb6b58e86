// Positions as editors count lines ("\r\n", "\n" and a lone "\r" each end one), for findings that are
// placed by offset rather than by token. Each case was a range outside the document (npm run fuzz).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

test("a template tag never closed, in a file with lone CR line ends, is placed on its own line", () => {
  const text = "global_defs {\r  router_id {{ name \r}\r  smtp_server {% if x %}\r}\r";
  const found = withCode(check(text), "template-syntax");
  assert.equal(found.length, 1);
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = found[0].range;
  assert.deepEqual([start.line, start.character], [1, lines[1].indexOf("{{")]);
  assert.equal(end.line, 1);
  assert.ok(end.character <= lines[1].length, `${end.character} is past the end of line 1 (${lines[1].length})`);
});
