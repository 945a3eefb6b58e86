// The CLI contract other tools rely on: flags, exit codes, the JSON shape, SARIF, text lines.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lint } from "../helpers";


function tempConfig(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-cli-"));
  fs.writeFileSync(path.join(dir, "keepalived.conf"), text);
  return dir;
}

const GOOD = "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n";
const BAD = "vrrp_instance VI_1 {\n  virtual_router_id 300\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n";

test("exit 0 and nothing for a clean file; the firewall hint only with --firewall-hints", () => {
  const dir = tempConfig(GOOD);
  const r = lint(["check", "--format", "json", "keepalived.conf"], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.deepEqual(out.diagnostics, []);
  const hinted = JSON.parse(lint(["check", "--format", "json", "--firewall-hints", "keepalived.conf"], dir).stdout);
  assert.deepEqual(hinted.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]), [["vrrp-firewall-hint", "info"]]);
});

test("firewall PATH prints, per node, the firewalld and nftables rules VRRP needs (text and JSON)", () => {
  const dir = tempConfig(GOOD.replace("  priority 100\n", "  priority 100\n  unicast_peer {\n    10.0.0.2\n  }\n"));
  const r = lint(["firewall", "."], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# keepalived\.conf$/m);
  assert.match(r.stdout, /IP protocol 112\) from the unicast peers 10\.0\.0\.2 must pass/);
  assert.match(r.stdout, /^  firewall-cmd --permanent --add-rich-rule='rule family="ipv4" source address="10\.0\.0\.2" protocol value="vrrp" accept'$/m);
  assert.match(r.stdout, /^  nft add rule inet filter input ip saddr 10\.0\.0\.2 ip protocol vrrp accept$/m);
  const json = JSON.parse(lint(["firewall", "--format", "json", "."], dir).stdout);
  assert.deepEqual(json.nodes[0].peers, ["10.0.0.2"]);
  assert.deepEqual(json.nodes[0].groups, []);
  assert.equal(json.nodes[0].rules.length, 2);
});

test("exit 1 with errors, and the JSON shape of the contract", () => {
  const dir = tempConfig(BAD);
  const r = lint(["check", "--format=json", "keepalived.conf"], dir);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  const d = out.diagnostics.find((x: { code: string }) => x.code === "invalid-value");
  assert.deepEqual(Object.keys(d).sort(), ["code", "column", "endColumn", "endLine", "file", "line", "message", "related", "severity"]);
  assert.equal(d.file, "keepalived.conf");
  assert.equal(d.line, 2);
  assert.equal(d.column, 21);
  assert.equal(d.endColumn, 24);
  assert.equal(d.severity, "error");
  assert.equal(d.code, "invalid-value");
  assert.deepEqual(d.related, []);
});

test("text format reads like a compiler", () => {
  const dir = tempConfig(BAD);
  const r = lint(["check", "keepalived.conf"], dir);
  assert.match(r.stdout, /^keepalived\.conf:2:21: error invalid-value: /m);
});

test("SARIF 2.1.0 output has the required structure", () => {
  const dir = tempConfig(BAD);
  const r = lint(["check", "--format", "sarif", "keepalived.conf"], dir);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, "2.1.0");
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, "keepalived-lint");
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === "invalid-value");
  assert.equal(result.ruleId, "invalid-value");
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, "invalid-value");
  assert.equal(result.level, "error");
  assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, "keepalived.conf");
});

test("folders are walked; paths are relative to the working folder", () => {
  const dir = tempConfig(BAD);
  fs.mkdirSync(path.join(dir, "sub"));
  fs.writeFileSync(path.join(dir, "sub", "keepalived.conf"), BAD);
  const r = lint(["check", "--format", "json", "."], dir);
  const files = new Set(JSON.parse(r.stdout).diagnostics.map((d: { file: string }) => d.file));
  assert.deepEqual([...files].sort(), ["keepalived.conf", path.join("sub", "keepalived.conf")]);
});

test("usage and I/O errors exit 2 with a one-line message on stderr", () => {
  for (const args of [["check"], ["check", "/nonexistent/x.conf"], ["check", "--format", "xml", "x"], ["frobnicate"], ["check", "--bogus", "x"]]) {
    const r = lint(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr.split("\n")[0], /^keepalived-lint: /);
  }
});

test("--include-root resolves absolute includes", () => {
  const dir = tempConfig("include /etc/keepalived/extra.conf\n");
  fs.mkdirSync(path.join(dir, "etc/keepalived"), { recursive: true });
  fs.writeFileSync(path.join(dir, "etc/keepalived/extra.conf"), GOOD);
  assert.equal(lint(["check", "keepalived.conf"], dir).code, 1);
  assert.equal(lint(["check", "--include-root", dir, "keepalived.conf"], dir).code, 0);
});

test("explain prints doc, arguments, default, blocks and versions", () => {
  const r = lint(["explain", "priority"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^priority <[^>]+>/);
  assert.match(r.stdout, /Default: 100/);
  assert.match(r.stdout, /Blocks: .*vrrp_instance/);
  assert.match(r.stdout, /Versions: keepalived \d/);
  assert.equal(lint(["explain", "no_such_keyword"]).code, 2);
});

test("--include-root stands for / as a chroot does: '..' stops at it, and this machine's files are not read instead", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-root-"));
  fs.mkdirSync(path.join(dir, "root/etc/keepalived"), { recursive: true });
  fs.writeFileSync(path.join(dir, "root/etc/keepalived/common.conf"), "global_defs {\n  router_id a\n}\n");
  fs.writeFileSync(path.join(dir, "keepalived.conf"), "include /etc/keepalived/../../../../etc/keepalived/common.conf\ninclude /etc/keepalived/../../../../etc/passwd\ninclude /etc/hostname\n");
  const r = lint(["check", "--include-root", "root", "keepalived.conf"], dir);
  // The first include climbs to the root and comes back down: found inside it.
  assert.doesNotMatch(r.stdout, /common\.conf/);
  // The others are not in the tree: not found there, and nothing of this machine's /etc is quoted.
  assert.match(r.stdout, /keepalived\.conf:2:\d+: error include-not-found: Included file '\/etc\/keepalived\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd' was not found under the include root root\n/);
  assert.match(r.stdout, /keepalived\.conf:3:\d+: error include-not-found: Included file '\/etc\/hostname' was not found under the include root root\n/);
  assert.doesNotMatch(r.stdout, /root:x:0|unknown-keyword/);
});
