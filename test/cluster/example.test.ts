// examples/cluster: the planted VRID mismatch (lb-a 51, lb-b 52) is reported on both files; the
// unrelated VI_1 pair web-c/web-d is its own cluster and stays silent.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as path from "path";
import { REPO } from "../helpers";

test("keepalived-lint check examples/cluster: vrid-mismatch on lb-a and lb-b, each pointing at the other", () => {
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "check", "--format", "json", "examples/cluster"], { cwd: REPO, encoding: "utf8" });
  const diags = JSON.parse(r.stdout).diagnostics as { file: string; code: string; related: { file: string }[] }[];
  const vrid = diags.filter((d) => d.code === "vrid-mismatch");
  assert.deepEqual(vrid.map((d) => path.basename(path.dirname(d.file))).sort(), ["lb-a", "lb-b"]);
  for (const d of vrid) assert.notEqual(path.dirname(d.related[0].file), path.dirname(d.file));
  // The unrelated pair gets only the once-per-node firewall hint.
  assert.deepEqual(diags.filter((d) => /web-[cd]/.test(d.file) && d.code !== "vrrp-firewall-hint"), []);
});
