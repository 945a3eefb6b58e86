// A `\` escapes no brace: keepalived splits each line at every `{` and `}` outside quotes before it
// reads words, so `router_id lb\}` is the word `lb\` and a `}` that ends global_defs, and `a\\}` ends a
// block too. Our lexer took `\}` for an escaped brace inside the word: the block stayed open and every
// line below it was a false "Unknown keyword ... inside global_defs".
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { Workspace } from "../../server/src/core/check/workspace";
import { keepalivedBinary, runKeepalivedOnText } from "../oracle/keepalivedOracle";

const TEXT = [
  "global_defs {",
  "  router_id lb\\}",
  "vrrp_instance VI_1 {",
  "  state MASTER",
  "  interface eth0",
  "  virtual_router_id 5",
  "  priority 100",
  '  notify_fault "/bin/echo a\\}"',
  "  notify_backup /bin/echo a\\\\}",
  "  virtual_ipaddress {",
  "    10.0.0.1/24",
  "  }",
  "}",
  "global_defs {",
  "  notification_email_from a\\{b",
  "}",
  "",
].join("\n");

/** Lines and words of what both of us call an unknown keyword, and the lines of the extra braces. */
function ours(text: string): string[] {
  const ws = new Workspace({ includeRoots: [] });
  ws.setText("/backslash-brace/keepalived.conf", text);
  ws.addFiles(["/backslash-brace/keepalived.conf"]);
  return ws
    .diagnostics()
    .filter((d) => d.code === "unknown-keyword" || /^Extra '}'/.test(d.message))
    .map((d) => (d.code === "unknown-keyword" ? `${d.range.start.line + 1} unknown ${/'([^']*)'/.exec(d.message)?.[1]}` : `${d.range.start.line + 1} extra }`));
}

test("a '\\' before a brace is the last character of its word, and the brace is a brace (LF and CRLF alike)", () => {
  for (const text of [TEXT, TEXT.replace(/\n/g, "\r\n")]) {
    const [globalDefs, instance] = parseConfig(text).items;
    assert.ok(globalDefs.kind === "statement" && globalDefs.block && globalDefs.block.close);
    assert.deepEqual(
      globalDefs.block.items.map((i) => (i.kind === "statement" ? [i.keyword.text, ...i.args.map((a) => a.text)].join(" ") : i.kind)),
      ["router_id lb\\"],
    );
    assert.ok(instance.kind === "statement" && instance.keyword.text === "vrrp_instance");
    // Inside quotes a brace is text.
    const notify = instance.block!.items.find((i) => i.kind === "statement" && i.keyword.text === "notify_fault");
    assert.ok(notify && notify.kind === "statement" && notify.args[0].text === "/bin/echo a\\}");
    // `a\\}` ends vrrp_instance on line 9: what follows is read at the top level.
    assert.deepEqual(ours(text), ["10 unknown virtual_ipaddress", "11 unknown 10.0.0.1/24", "13 extra }", "15 unknown b"]);
  }
});

test("keepalived -t splits the braces after a '\\' as we do", async (t) => {
  const binary = keepalivedBinary();
  if (!binary) return t.skip("keepalived not installed (apt-get install keepalived)");
  const oracle = await runKeepalivedOnText(TEXT, "keepalived.conf", { binary });
  const theirs = oracle.messages
    .filter((m) => /Unknown keyword|Extra '}'/.test(m.message))
    // keepalived names the '}' it finds extra as an unknown keyword too; we say it once.
    .filter((m) => !/Unknown keyword '}'/.test(m.message))
    .map((m) => (/Extra/.test(m.message) ? `${m.line} extra }` : `${m.line} unknown ${/'([^']*)'/.exec(m.message)?.[1]}`));
  // keepalived's processes each print their reading: one of each, in line order.
  const byLine = (a: string, b: string) => parseInt(a) - parseInt(b);
  assert.deepEqual([...new Set(theirs)].sort(byLine), ours(TEXT).sort(byLine), oracle.raw);
});

test("a command cut by a brace after its '\\' ends in a bare '\\': the error keepalived 2.2.7 crashes on", () => {
  const ws = new Workspace({ includeRoots: [] });
  const text = "vrrp_script chk {\n  script /bin/true\\}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n  priority 100\n  track_script {\n    chk\n  }\n}\n";
  ws.setText("/backslash-brace/script.conf", text);
  ws.addFiles(["/backslash-brace/script.conf"]);
  const found = ws.diagnostics().filter((d) => d.severity === "error");
  // keepalived -t (2.2.7) dies of a segmentation fault on this file; the block ends at the '}', so
  // vrrp_instance is read at the top level, where it belongs.
  assert.deepEqual(
    found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`),
    ["2:10 invalid-value"],
  );
});
