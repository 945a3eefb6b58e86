// Format Document as the editor applies it: the edits turn the text into the formatter's output,
// line breaks (LF or CRLF) untouched; past 1,000 changed lines, one edit spanning them.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import { WorkspaceIndex } from "../../server/src/service/workspaceIndex";
import { formatDocument, formatRange, MAX_LINE_EDITS } from "../../server/src/service/formatting";
import { formatText } from "../../server/src/core/format/format";
import { pathToUri } from "../../server/src/service/uris";

function formatted(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  const file = "/keepalived-format-test/keepalived.conf";
  const index = new WorkspaceIndex();
  index.open(file, text);
  const uri = pathToUri(file);
  const options = { tabSize: 4, insertSpaces: true };
  const edits = range ? formatRange(index, { textDocument: { uri }, options, range }) : formatDocument(index, { textDocument: { uri }, options });
  return { edits, result: TextDocument.applyEdits(TextDocument.create(uri, "keepalived", 1, text), edits) };
}

for (const eol of ["\n", "\r\n"]) {
  const name = eol === "\n" ? "LF" : "CRLF";
  test(`a few changed lines: one edit per line, the result is the formatter's (${name})`, () => {
    const text = ["vrrp_script chk {", 'script "/bin/true"', "  interval 2", "}", ""].join(eol);
    const { edits, result } = formatted(text);
    assert.equal(edits.length, 2);
    assert.equal(result, formatText(text));
  });

  test(`more changed lines than the limit: one edit from the first changed line to the last (${name})`, () => {
    const text = ["# keep me", "global_defs {", ...Array.from({ length: MAX_LINE_EDITS + 1 }, (_, i) => `router_id  r${i}`), "}", "# and me", ""].join(eol);
    const { edits, result } = formatted(text);
    assert.equal(edits.length, 1);
    assert.deepEqual([edits[0].range.start.line, edits[0].range.end.line], [2, MAX_LINE_EDITS + 2], "the unchanged lines around stay outside the edit");
    assert.equal(result, formatText(text));
    assert.ok(!edits[0].newText.endsWith("\r"), "the last line's break stays outside the edit");
  });
}

test("range formatting past the limit spans only the lines of the range", () => {
  const lines = ["global_defs {"];
  for (let i = 0; i < 3 * MAX_LINE_EDITS; i++) lines.push(`router_id   r${i}`);
  lines.push("}", "");
  const text = lines.join("\n");
  const { edits, result } = formatted(text, { start: { line: 10, character: 0 }, end: { line: 10 + 2 * MAX_LINE_EDITS, character: 0 } });
  assert.equal(edits.length, 1);
  assert.deepEqual([edits[0].range.start.line, edits[0].range.end.line], [10, 9 + 2 * MAX_LINE_EDITS]);
  const expected = formatText(text).split("\n");
  const out = result.split("\n");
  assert.equal(out[9], lines[9], "a line above the range is left as it was");
  assert.equal(out[10], expected[10]);
  assert.equal(out[9 + 2 * MAX_LINE_EDITS], expected[9 + 2 * MAX_LINE_EDITS]);
  assert.equal(out[10 + 2 * MAX_LINE_EDITS], lines[10 + 2 * MAX_LINE_EDITS], "a line below the range is left as it was");
});
