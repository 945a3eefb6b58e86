// A statement read exactly as written serves as its own ConfigStatement (no copy per expansion), and
// only under a parent that does: a block that reads otherwise for a node gets copies all the way down.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { expandConfig, ConfigStatement } from "../../server/src/core/config/expand";
import { memoryAccess } from "../../server/src/core/config/files";
import { parseConfig } from "../../server/src/core/syntax/parse";
import type { Statement } from "../../server/src/core/syntax/tree";

const TEXT = "vrrp_instance A {\n  state BACKUP\n  authentication {\n    auth_type PASS\n  }\n  @n2 priority 50\n}\nvrrp_instance B {\n  track_script {\n    chk\n  }\n}\n";

function expandFor(configId: string) {
  const syntax = parseConfig(TEXT);
  const config = expandConfig("/k.conf", { access: memoryAccess(new Map([["/k.conf", TEXT]])), syntaxOf: () => syntax, configId });
  return { items: syntax.items as Statement[], statements: config.statements };
}

function walk(list: ConfigStatement[] | undefined, f: (s: ConfigStatement) => void): void {
  for (const s of list ?? []) (f(s), walk(s.children, f));
}

test("a block read as written is its syntax statement, with its items as children", () => {
  const { items, statements } = expandFor("n2");
  assert.equal(statements[0], items[0]);
  assert.equal(statements[0].children, items[0].block!.items);
  assert.equal(statements[1], items[1]);
  assert.deepEqual(
    statements[0].children!.map((c) => c.keyword.text),
    ["state", "authentication", "priority"],
  );
});

test("a block one of whose lines is left out for a node is a copy, and so is everything inside it", () => {
  const { items, statements } = expandFor("n1");
  const first = statements[0];
  assert.notEqual(first, items[0]);
  assert.equal(first.syntax, items[0]);
  assert.deepEqual(first.children!.map((c) => c.keyword.text), ["state", "authentication"]);
  walk(first.children, (s) => assert.notEqual(s, s.syntax, `${s.keyword.text} is a copy`));
  assert.deepEqual(statements[0].children![1].children!.map((c) => c.keyword.text), ["auth_type"]);
  // The other block reads as written for this node too.
  assert.equal(statements[1], items[1]);
});
