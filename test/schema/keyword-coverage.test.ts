// Every keyword keepalived's parser registers has a complete schema entry.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ALL_KEYWORDS, specsNamed } from "../../server/src/core/schema/registry";
import { PLACEHOLDER_DOC } from "../../server/src/core/schema/types";
import { sharedDir } from "../helpers";

test("every keyword in keepalived-keywords.txt has blocks, an argument spec and a real doc", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent (a fresh clone): keyword list not available");
  const names = fs
    .readFileSync(path.join(shared, "keepalived-keywords.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  assert.ok(names.length >= 363);
  const problems: string[] = [];
  for (const name of names) {
    const specs = specsNamed(name);
    if (!specs.length) {
      problems.push(`${name}: no schema entry`);
      continue;
    }
    for (const s of specs) {
      if (!s.blocks.length) problems.push(`${name}: no block`);
      if (!Array.isArray(s.args)) problems.push(`${name}: no argument spec`);
      if (!s.doc || s.doc.includes(PLACEHOLDER_DOC) || s.doc.length < 20) problems.push(`${name}: placeholder doc`);
      if (!s.since) problems.push(`${name}: no first version`);
    }
  }
  assert.deepEqual(problems, []);
});

test("docs are one to four sentences", () => {
  const long = ALL_KEYWORDS.filter((k) => (k.doc.match(/[.!?](\s|$)/g) ?? []).length > 5).map((k) => k.name);
  assert.deepEqual(long, []);
});

test("every body block id has at least one keyword or is a lines block", () => {
  const ids = new Set(ALL_KEYWORDS.flatMap((k) => k.blocks));
  const dangling = ALL_KEYWORDS.filter((k) => k.body?.kind === "keywords" && !ids.has(k.body.blockId)).map((k) => k.name);
  assert.deepEqual(dangling, []);
});
