// `keepalived-lint compare` and `keepalived-lint topology` on the shipped example.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { XMLValidator } from "fast-xml-parser";
import { lint } from "../helpers";


test("compare prints one row per setting and exits 1 on the planted mismatch", () => {
  const r = lint(["compare", "examples/cluster/lb-a", "examples/cluster/lb-b"]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^virtual_router_id\s+51\s+52\s+✗ MISMATCH$/m);
  assert.match(r.stdout, /^state\s+MASTER\s+BACKUP\s+~ expected$/m);
  assert.equal(lint(["compare", "examples/cluster/lb-a"]).code, 2);
});

test("topology prints SVG, DOT, Mermaid and JSON; --fail moves the VIP", () => {
  const svg = lint(["topology", "--format", "svg", "examples/cluster"]);
  assert.equal(svg.code, 0, svg.stderr);
  assert.equal(XMLValidator.validate(svg.stdout), true);
  assert.match(lint(["topology", "--format", "dot", "examples/cluster"]).stdout, /^digraph keepalived/);
  assert.match(lint(["topology", "--format", "mermaid", "examples/cluster"]).stdout, /^flowchart LR/);
  const before = JSON.parse(lint(["topology", "--format", "json", "examples/cluster"]).stdout);
  const after = JSON.parse(lint(["topology", "--format", "json", "--fail", "lb-a", "examples/cluster"]).stdout);
  assert.equal(before.clusters[0].master, "lb-a");
  assert.equal(after.clusters[0].master, "lb-b");
  assert.equal(lint(["topology", "--format", "png", "examples/cluster"]).code, 2);
});
