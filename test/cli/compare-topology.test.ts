// `keepalived-lint compare` and `keepalived-lint topology` on the shipped example.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { XMLValidator } from "fast-xml-parser";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
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

test("topology --format svg draws the first 150 clusters and says how many it left out; json keeps them all", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-topology-"));
  try {
    const body = Array.from({ length: 160 }, (_, i) => `vrrp_instance VI_${i} {\n  state MASTER\n  interface eth0\n  virtual_router_id ${1 + (i % 255)}\n  priority 100\n  virtual_ipaddress {\n    10.0.${i >> 8}.${i & 255}/32\n  }\n}\n`).join("");
    fs.writeFileSync(path.join(dir, "keepalived.conf"), `global_defs {\n  router_id lb\n}\n${body}`);
    const svg = lint(["topology", "--format", "svg", dir]);
    assert.equal(svg.code, 0, svg.stderr);
    assert.equal(XMLValidator.validate(svg.stdout), true);
    assert.match(svg.stderr, /first 150 of 160 clusters drawn/);
    assert.ok(svg.stdout.includes("first 150 of 160 clusters drawn"), "the picture says so too");
    assert.equal(svg.stdout.match(/id="cluster&#45;\d+"/g)?.length, 150);
    assert.equal(JSON.parse(lint(["topology", "--format", "json", dir]).stdout).clusters.length, 160);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
