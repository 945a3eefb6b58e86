// The shipped Ansible example, end to end through the CLI: a role template rendered for each host
// of its play, the planted equal priority reported on the template line and at the host_vars lines.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lint, REPO, ROOT } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";

/** In-memory project files; only the template is a keepalived member, the rest is Ansible's. */
function projectOf(files: Record<string, string>, template: string): Workspace {
  const ws = new Workspace({ access: memoryAccess(new Map(Object.entries(files).map(([n, t]) => [path.join(ROOT, n), t]))) });
  ws.addFiles([path.join(ROOT, template)]);
  return ws;
}

const EXAMPLE = path.join(REPO, "examples", "ansible");
const TEMPLATE = path.join(EXAMPLE, "roles", "keepalived", "templates", "keepalived.conf.j2");
const INVENTORY = path.join(EXAMPLE, "inventory.ini");
const lineOf = (file: string, needle: string) => fs.readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
  related: { file: string; line: number; message: string }[];
}

test("check --inventory: the planted equal priority is reported on the template line and points at both host_vars", () => {
  const r = lint(["check", "--format", "json", "--inventory", INVENTORY, EXAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  const diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  const dup = diags.filter((d) => d.code === "duplicate-priority");
  assert.equal(dup.length, 1, JSON.stringify(diags, null, 1));
  assert.equal(path.resolve(REPO, dup[0].file), TEMPLATE);
  assert.equal(dup[0].line, lineOf(TEMPLATE, "priority {{ keepalived_priority }}"));
  assert.match(dup[0].message, /lb1/);
  assert.match(dup[0].message, /lb2/);
  const hostVars = dup[0].related.filter((x) => x.file.includes("host_vars"));
  assert.deepEqual(
    hostVars.map((x) => [path.basename(x.file), x.line]).sort(),
    [
      ["lb1.yml", lineOf(path.join(EXAMPLE, "host_vars", "lb1.yml"), "keepalived_priority")],
      ["lb2.yml", lineOf(path.join(EXAMPLE, "host_vars", "lb2.yml"), "keepalived_priority")],
    ],
  );
  assert.deepEqual(diags.filter((d) => d.severity === "error"), []);
  // The inventory is also found without --inventory, above the role.
  assert.match(lint(["check", EXAMPLE]).stdout, /duplicate-priority/);
});

test("render prints each host of the play (web1 is not in it), undefined variables as {{ name }}", () => {
  const r = lint(["render", "--inventory", INVENTORY, TEMPLATE]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual([...r.stdout.matchAll(/^# ---- (\S+) ----$/gm)].map((m) => m[1]), ["lb1", "lb2"]);
  const [lb1, lb2] = r.stdout.split(/^# ---- \S+ ----$/m).slice(1);
  assert.match(lb1, /state MASTER/);
  assert.match(lb2, /state BACKUP/);
  assert.match(lb1, /unicast_peer \{\s+10\.0\.0\.12\s+\}/);
  assert.match(lb2, /router_id lb2/);
  assert.match(lb1, /# Managed by Ansible/, "default() applies to an undefined variable");
  const one = lint(["render", "--inventory", INVENTORY, "--host", "lb2", "--format", "json", TEMPLATE]);
  assert.deepEqual((JSON.parse(one.stdout) as { hosts: { host: string }[] }).hosts.map((h) => h.host), ["lb2"]);
  assert.equal(lint(["render", TEMPLATE]).code, 2, "--inventory is required");
  // A host of the inventory outside the play: said, with exit 2, not an empty answer.
  const outside = lint(["render", "--inventory", INVENTORY, "--host", "web1", TEMPLATE]);
  assert.equal(outside.code, 2);
  assert.equal(outside.stdout, "");
  assert.equal(outside.stderr, "keepalived-lint: web1: no play applies this template's role to this host; rendered for: lb1, lb2\n");
});

test("fixing the host_vars clears the finding; topology and compare show the hosts", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kal-ansible-"));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  const inv = path.join(dir, "inventory.ini");
  const compare = lint(["compare", "--inventory", inv, dir]);
  assert.equal(compare.code, 1);
  assert.match(compare.stdout, /priority\s+150\s+150\s+✗ MISMATCH/);
  const topo = lint(["topology", "--format", "json", "--inventory", inv, dir]);
  assert.match(topo.stdout, /"lb1"/);
  assert.match(topo.stdout, /"lb2"/);
  fs.writeFileSync(path.join(dir, "host_vars", "lb2.yml"), "keepalived_priority: 100\n");
  const after = lint(["check", "--format", "json", "--inventory", inv, dir]);
  assert.deepEqual((JSON.parse(after.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.filter((d) => d.code === "duplicate-priority"), []);
  assert.match(lint(["compare", "--inventory", inv, dir]).stdout, /priority\s+150\s+100/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a YAML inventory, group variables and the address filters render as Ansible would", () => {
  const ws = projectOf({
    "inventory.yml": "all:\n  children:\n    lb:\n      hosts:\n        a: { vrid: 7, addr: 10.1.0.1/24 }\n        b: { vrid: 8, addr: 10.1.0.2/24 }\n      vars:\n        on: 'yes'\n",
    "roles/k/templates/keepalived.conf.j2":
      "vrrp_instance V {\n    interface eth0\n    virtual_router_id {{ vrid | int }}\n    priority {{ 150 if inventory_hostname == groups['lb'][0] else 100 }}\n" +
      "{% if on | bool %}\n    nopreempt\n{% endif %}\n    unicast_src_ip {{ addr | ipaddr('address') }}\n    virtual_ipaddress {\n        {{ groups['lb'] | join(' ') | length }}\n        10.1.0.100/{{ addr | ipaddr('prefix') }}\n    }\n    notify {{ not_defined_anywhere }}\n}\n",
  }, "roles/k/templates/keepalived.conf.j2");
  const hosts = ws.rendered().hosts;
  assert.deepEqual(hosts.map((h) => h.host), ["a", "b"]);
  const a = hosts[0].text;
  assert.match(a, /virtual_router_id 7/);
  assert.match(a, /priority 150/);
  assert.match(hosts[1].text, /priority 100/);
  assert.match(a, /nopreempt/);
  assert.match(a, /unicast_src_ip 10\.1\.0\.1\n/);
  assert.match(a, /10\.1\.0\.100\/24/);
  assert.match(a, /notify \uE000not_defined_anywhere\uE000/);
  const vrid = ws.diagnostics().filter((d) => d.code === "vrid-mismatch");
  assert.equal(vrid.length, 1, JSON.stringify(ws.diagnostics(), null, 1));
  assert.equal(vrid[0].file, path.join(ROOT, "roles/k/templates/keepalived.conf.j2"));
  assert.equal(vrid[0].range.start.line, 2);
  assert.ok(vrid[0].related!.some((r) => r.file === path.join(ROOT, "inventory.yml") && r.range.start.line === 4 && /vrid = 7/.test(r.message)));
  // A bad value only the rendering shows is reported on the tag that produced it, once for both hosts.
  const bad = ws.diagnostics().filter((d) => d.code === "invalid-value");
  assert.deepEqual(bad.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[9, 8, 47]]);
  assert.match(bad[0].message, /^a, b: Invalid virtual address 3/);
  // The placeholder left by an undefined variable draws no finding.
  assert.deepEqual(ws.diagnostics().filter((d) => d.severity === "error" && !["vrid-mismatch", "invalid-value"].includes(d.code)), []);
});
