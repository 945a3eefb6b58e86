// A lone "\r" (an old Mac line break, or one left by a paste) ends a line for the editor but not for
// keepalived, which reads lines up to "\n". Every position the server sends counts lines as the editor
// does: a formatting edit or a rename placed by keepalived's line numbers lands on the wrong line and
// rewrites text the user never touched. Found by fuzzing the server (formatting turned
// `  notification_email {` into `    a@bification_email {`).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit } from "vscode-languageserver/node";
import { WorkspaceIndex } from "../../server/src/service/workspaceIndex";
import { formatDocument, formatRange } from "../../server/src/service/formatting";
import { rename } from "../../server/src/service/rename";
import { references } from "../../server/src/service/references";
import { hover } from "../../server/src/service/hover";
import { foldingRanges } from "../../server/src/service/folding";
import { formatText } from "../../server/src/core/format/format";
import { pathToUri } from "../../server/src/service/uris";

const FILE = "/keepalived-lone-cr-test/keepalived.conf";
const OPTIONS = { tabSize: 4, insertSpaces: true };

function opened(text: string) {
  const index = new WorkspaceIndex();
  index.open(FILE, text);
  const uri = pathToUri(FILE);
  return { index, uri, apply: (edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri, "keepalived", 1, text), edits) };
}

test("formatting a text with a lone \\r gives the formatter's text, no line touched that it did not change", () => {
  const text = "global_defs {\r  router_id lb1\n  notification_email {\n a@b\n  }\n}\n";
  const { index, uri, apply } = opened(text);
  const edits = formatDocument(index, { textDocument: { uri }, options: OPTIONS });
  assert.ok(edits.length > 0);
  assert.equal(apply(edits), formatText(text));
  // The line after the lone "\r" is the editor's line 1; the e-mail address is its line 3.
  const fixed = apply(edits).split(/\r\n|\r|\n/);
  assert.equal(fixed[2], "    notification_email {");
  assert.equal(fixed[3], "        a@b");
});

test("range formatting with a lone \\r above the range changes only the lines of the range", () => {
  const text = "global_defs {\r  router_id lb1\n  notification_email {\n a@b\n  }\n}\n";
  const { index, uri, apply } = opened(text);
  // Editor line 3 is " a@b".
  const edits = formatRange(index, { textDocument: { uri }, options: OPTIONS, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } } });
  const lines = apply(edits).split(/\r\n|\r|\n/);
  assert.deepEqual(lines.slice(0, 3), ["global_defs {", "  router_id lb1", "  notification_email {"], "the lines above are as they were");
  assert.equal(lines[3], "        a@b");
  assert.equal(lines[4], "  }", "the line below is as it was");
});

test("rename and references of a $VARIABLE after a lone \\r sit on the editor's lines", () => {
  const text = "$NIC=eth0\r\nvrrp_instance V {\r    interface $NIC\n    track_interface {\n        ${NIC}\n    }\n}\n";
  const { index, uri, apply } = opened(text);
  const renamed = rename(index, { textDocument: { uri }, position: { line: 2, character: 16 }, newName: "IFACE" });
  assert.ok(renamed?.changes?.[uri]);
  assert.equal(apply(renamed.changes[uri]), text.replace(/NIC/g, "IFACE"));
  const refs = references(index, { textDocument: { uri }, position: { line: 2, character: 16 }, context: { includeDeclaration: false } });
  assert.deepEqual(refs.map((r) => r.range.start.line).sort(), [2, 4]);
});

test("hover on a $VARIABLE defined below a lone \\r shows its definition line", () => {
  // keepalived reads "global_defs {" and "router_id a" as one line; the editor shows two.
  const text = "global_defs {\r  router_id a\n}\n$NIC=eth0\nvrrp_instance V {\n    interface $NIC\n}\n";
  const { index, uri } = opened(text);
  const h = hover(index, { textDocument: { uri }, position: { line: 5, character: 16 } });
  const value = (h?.contents as { value: string } | undefined)?.value ?? "";
  assert.match(value, /\$NIC=eth0/);
});

test("comment folding after a lone \\r folds the comment lines", () => {
  const text = "global_defs {\r  router_id a\n}\n# one\n# two\n# three\nvrrp_script c {\n  script /bin/true\n}\n";
  const { index, uri } = opened(text);
  const comments = foldingRanges(index, { textDocument: { uri } }).filter((r) => r.kind === "comment");
  assert.deepEqual(comments.map((r) => [r.startLine, r.endLine]), [[3, 5]]);
});

test("formatting keeps a line holding a lone \\r as written: no editor line is lost, and a second format changes nothing", () => {
  const texts = [
    "global_defs {\n    router_id lb1 \\\r \n    enable_script_security\n}\n",
    "global_defs {\n  # c \r \n  router_id a\n}\n",
    "#\r ",
    "vrrp_instance{\\\r}",
    "vrrp_instance V {\n      state MASTER\r      priority 100\n}\n",
  ];
  const editorLineCount = (t: string) => t.split(/\r\n|\r|\n/).length;
  for (const text of texts) {
    const { index, uri, apply } = opened(text);
    const once = apply(formatDocument(index, { textDocument: { uri }, options: OPTIONS }));
    assert.equal(once, formatText(text), JSON.stringify(text));
    assert.ok(editorLineCount(once) >= editorLineCount(text), `${JSON.stringify(text)} lost an editor line: ${JSON.stringify(once)}`);
    assert.equal(formatText(once), once, `${JSON.stringify(text)}: a second format changes ${JSON.stringify(once)}`);
    const codes = (t: string) => {
      const ix = new WorkspaceIndex();
      ix.open(FILE, t);
      return ix.workspace.diagnostics().map((d) => d.code).sort();
    };
    assert.deepEqual(codes(once), codes(text), `${JSON.stringify(text)}: formatting changed what keepalived reads`);
  }
  // Range formatting on the line after the lone "\r" edits nothing above it.
  const text = texts[4];
  const { index, uri, apply } = opened(text);
  const edits = formatRange(index, { textDocument: { uri }, options: OPTIONS, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } } });
  assert.deepEqual(apply(edits).split(/\r\n|\r|\n/).slice(0, 2), ["vrrp_instance V {", "      state MASTER"]);
});
