// `keepalived-lint check` on a role folder with no inventory: its templates are checked statically,
// its YAML (tasks, defaults, a playbook named keepalived.yml) is not mistaken for keepalived.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lint } from "../helpers";

test("check on a role folder reports the template's static mistake and nothing on the YAML", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kal-role-"));
  const write = (rel: string, text: string) => (fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }), fs.writeFileSync(path.join(dir, rel), text));
  write("tasks/main.yml", "- name: configure keepalived\n  template:\n    src: keepalived.conf.j2\n    dest: /etc/keepalived/keepalived.conf\n");
  write("defaults/main.yml", "keepalived_priority: 100\n");
  write("keepalived.yml", "- hosts: lb\n  roles: [keepalived]\n");
  write(
    "templates/keepalived.conf.j2",
    "vrrp_instance VI_1 {\n    interface {{ iface }}\n    virtual_router_id {{ vrid }}\n    priority {{ keepalived_priority }}\n{% if preempt %}\n    preempt_dealy 30\n{% endif %}\n    virtual_ipaddress {\n        {{ vip }}\n    }\n}\n",
  );
  const r = lint(["check", "--format", "json", dir]);
  const diags = (JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; code: string; severity: string }[] }).diagnostics;
  const serious = diags.filter((d) => d.severity === "error" || d.severity === "warning");
  assert.deepEqual(serious.map((d) => [path.relative(dir, path.resolve(d.file)), d.line, d.column, d.code]), [["templates/keepalived.conf.j2", 6, 5, "unknown-keyword"]]);
  assert.equal(r.code, 1);
  fs.rmSync(dir, { recursive: true, force: true });
});
