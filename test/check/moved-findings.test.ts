// Findings kept across an edit (a statement's results are reused while it is unchanged, and its ranges
// move when lines are added above it) read as a fresh check of the new text reads them: ranges and
// messages alike. A message that named a line number kept the old number after the lines moved.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { WorkspaceIndex } from "../../server/src/service/workspaceIndex";
import { sharedDir } from "../helpers";

function findings(index: WorkspaceIndex): string[] {
  return index.workspace.diagnostics().map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}

test("after a line is added at the top and another removed mid-file, every real-world config's findings equal a fresh check's", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent: the real-world corpus is not beside the repo");
  const dir = path.join(shared, "corpus", "real-world", "configs");
  let compared = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".conf")).sort()) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, "utf8");
    const index = new WorkspaceIndex();
    index.open(file, text);
    findings(index);
    const added = "# a line typed above\n" + text;
    index.edit(file, added);
    const fresh = new WorkspaceIndex();
    fresh.open(file, added);
    assert.deepEqual(findings(index), findings(fresh), `${name}, a line added at the top`);
    // A whole line taken out of the middle: ranges and messages move up.
    const lines = added.split("\n");
    const removed = [...lines.slice(0, lines.length >> 1), ...lines.slice((lines.length >> 1) + 1)].join("\n");
    index.edit(file, removed);
    const fresh2 = new WorkspaceIndex();
    fresh2.open(file, removed);
    assert.deepEqual(findings(index), findings(fresh2), `${name}, a line taken out of the middle`);
    compared++;
  }
  assert.ok(compared > 100, `${compared} files compared`);
});

test("the duplicate-keyword finding kept across a line added above it says the same as a fresh check", () => {
  const file = "/moved-findings/keepalived.conf";
  const text = "vrrp_instance VI_1 {\n    track_script {\n        chk\n    }\n    track_script {\n        chk\n    }\n}\nvrrp_script chk {\n    script /bin/true\n}\n";
  const index = new WorkspaceIndex();
  index.open(file, text);
  assert.ok(findings(index).some((f) => f.includes("duplicate-keyword")));
  index.edit(file, "# keepalived for lb1\n" + text);
  const fresh = new WorkspaceIndex();
  fresh.open(file, "# keepalived for lb1\n" + text);
  assert.deepEqual(findings(index), findings(fresh));
});
