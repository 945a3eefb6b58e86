// Every diagnostic code the core can produce has a section in docs/diagnostics.md, the page the
// editor links to from each diagnostic.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../helpers";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

test("docs/diagnostics.md has a section for every diagnostic code", () => {
  const doc = fs.readFileSync(path.join(REPO, "docs", "diagnostics.md"), "utf8");
  const documented = new Set([...doc.matchAll(/^#+ ([a-z0-9-]+)$/gm)].map((m) => m[1]));
  const codes = new Set<string>();
  for (const f of sourceFiles(path.join(REPO, "server", "src", "core"))) {
    for (const m of fs.readFileSync(f, "utf8").matchAll(/code: "([a-z0-9-]+)"/g)) codes.add(m[1]);
  }
  assert.ok(codes.size > 10);
  assert.deepEqual([...codes].filter((c) => !documented.has(c)).sort(), []);
});
