// Checking an Ansible role renders its templates with nunjucks, which is not a sandbox: through any
// function's `constructor` a template reached JavaScript's Function and ran code in the checker
// (`{{ range.constructor("...")() }}` wrote files and ended the run with an exit status of its choice).
// Each way in below is tried on the shipped example role: none runs, each is a template-render warning.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO } from "../helpers";

const CODE = '"return process.exit(7)"';
const ATTEMPTS = [
  `{{ range.constructor(${CODE})() }}`,
  `{{ range["constr" ~ "uctor"](${CODE})() }}`,
  `{{ cycler.__proto__.constructor(${CODE})() }}`,
  `{{ "".constructor.constructor(${CODE})() }}`,
  `{{ joiner.call.call(range.constructor, none, ${CODE})() }}`,
  `{{ constructor.constructor(${CODE})() }}`,
  `{{ (["constructor"] | map("extract", range) | first)(${CODE})() }}`,
  `{{ ([range] | map(attribute="constructor") | first)(${CODE})() }}`,
  `{% set f = range %}{{ f.constructor(${CODE})() }}`,
];

test("a role template cannot run code while it is checked", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-sandbox-"));
  fs.cpSync(path.join(REPO, "examples/ansible"), dir, { recursive: true });
  const template = path.join(dir, "roles/keepalived/templates/keepalived.conf.j2");
  const original = fs.readFileSync(template, "utf8");
  for (const attempt of ATTEMPTS) {
    fs.writeFileSync(template, original.replace(/^(\s*router_id ).*$/m, `$1${attempt}`));
    const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "check", "--format", "json", "."], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    assert.notEqual(r.status, 7, `the template ran code: ${attempt}`);
    assert.ok(r.status === 0 || r.status === 1, `${attempt}: exit ${r.status}\n${r.stderr}`);
    const found = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === "template-render");
    assert.ok(found.length > 0, `${attempt}: reported as a template that does not render`);
  }
});

test("the guards leave ordinary attribute lookups, map(attribute=) and map('extract') working", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-sandbox-"));
  fs.cpSync(path.join(REPO, "examples/ansible"), dir, { recursive: true });
  const template = path.join(dir, "roles/keepalived/templates/keepalived.conf.j2");
  const original = fs.readFileSync(template, "utf8");
  // Each host's own name, through hostvars: map('extract', hostvars) gave nothing before it was mended with the guards.
  fs.writeFileSync(template, original.replace(/^(\s*router_id ).*$/m, '$1{{ ([inventory_hostname] | map("extract", hostvars) | map(attribute="inventory_hostname") | first) }}'));
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "render", "--inventory", "inventory.ini", "roles/keepalived/templates/keepalived.conf.j2"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.match(/^\s*router_id \S+/gm)?.map((l) => l.trim()), ["router_id lb1", "router_id lb2"]);
});
