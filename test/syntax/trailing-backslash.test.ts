// A `\` at the end of a line does not join it to the next one: keepalived does that only inside a
// `$NAME=` definition. Shell habits (`notify_master /x.sh \` + more words) leave the next line a
// keyword of its own, and the `\` part of the word before it. We joined such lines, so the mistake
// passed silently (and a CRLF copy of the same file read otherwise than the LF one).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { Workspace } from "../../server/src/core/check/workspace";
import { keepalivedBinary, runKeepalivedOnText } from "../oracle/keepalivedOracle";

const TEXT = "global_defs {\n  router_id lb1\\\nlb2\n}\nvirtual_server 10.0.0.1 80 {\n  protoc\\\nol TCP\n  real_server 10.0.0.2 80 {\n  }\n}\n";

function unknownKeywords(text: string): string[] {
  const ws = new Workspace({ includeRoots: [] });
  ws.setText("/trailing-backslash/keepalived.conf", text);
  ws.addFiles(["/trailing-backslash/keepalived.conf"]);
  return ws
    .diagnostics()
    .filter((d) => d.code === "unknown-keyword")
    .map((d) => `${d.range.start.line + 1} ${/'([^']*)'/.exec(d.message)?.[1]}`);
}

test("a line ending in '\\' is still a line of its own, its '\\' the end of its last word (LF and CRLF alike)", () => {
  for (const text of [TEXT, TEXT.replace(/\n/g, "\r\n")]) {
    const [globalDefs] = parseConfig(text).items;
    assert.ok(globalDefs.kind === "statement" && globalDefs.block);
    const lines = globalDefs.block.items.map((i) => (i.kind === "statement" ? [i.keyword.text, ...i.args.map((a) => a.text)].join(" ") : i.kind));
    assert.deepEqual(lines, ["router_id lb1\\", "lb2"]);
    assert.deepEqual(unknownKeywords(text), ["3 lb2", "6 protoc\\", "7 ol"]);
  }
});

test("keepalived -t reads the lines after a trailing '\\' as we do", async (t) => {
  const binary = keepalivedBinary();
  if (!binary) return t.skip("keepalived not installed (apt-get install keepalived)");
  const oracle = await runKeepalivedOnText(TEXT, "keepalived.conf", { binary });
  const unknown = oracle.messages.filter((m) => /Unknown keyword/.test(m.message)).map((m) => `${m.line} ${/'([^']*)'/.exec(m.message)?.[1]}`);
  assert.deepEqual(unknown, unknownKeywords(TEXT), oracle.raw);
});

test("inside a $NAME= definition a trailing '\\' still continues the value", () => {
  const syntax = parseConfig("$VIPS=10.0.0.1 \\\n  10.0.0.2\nglobal_defs {\n}\n");
  assert.deepEqual(
    syntax.items.map((i) => i.kind),
    ["definition", "statement"],
  );
});
