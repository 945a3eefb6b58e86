import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { check, linesOf, ROOT } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";

const conf = (cmd: string) => `vrrp_instance V {\n  virtual_router_id 1\n  notify_master "${cmd}"\n}\n`;

test("a notify script that exists nowhere is a warning on its path", () => {
  const d = check(conf("/opt/nowhere/failover.sh --master"));
  assert.deepEqual(linesOf(d, "notify-script-missing"), [3]);
  assert.equal(d.find((x) => x.code === "notify-script-missing")!.severity, "warning");
});

test("a program on this machine, a bare command name, or an undefined $VAR is not judged", () => {
  assert.deepEqual(linesOf(check(conf(process.execPath)), "notify-script-missing"), []);
  assert.deepEqual(linesOf(check(conf("logger master")), "notify-script-missing"), []);
  assert.deepEqual(linesOf(check(conf("$UNSET/y.sh")), "notify-script-missing"), []);
});

test("a $VAR is judged by its value, on the line that uses it", () => {
  // keepalived substitutes a bare $S only before a blank, ',' or ')': "$S" right before the quote stays as written.
  assert.deepEqual(linesOf(check("$S=/opt/nowhere/y.sh\n" + conf("$S --master")), "notify-script-missing"), [4]);
  assert.deepEqual(linesOf(check("$S=/opt/nowhere/y.sh\n" + conf("${S}")), "notify-script-missing"), [4]);
});

test("a script kept in the workspace is found through the include roots", () => {
  // Kept under a root file system of its own, out of reach of the lookup by name beside the config.
  const files = { "keepalived.conf": conf("/etc/keepalived/notify.sh"), "rootfs/lb1/etc/keepalived/notify.sh": "#!/bin/sh\n" };
  assert.deepEqual(linesOf(check(files), "notify-script-missing"), [3]);
  assert.deepEqual(linesOf(check(files, { includeRoots: [`${ROOT}/rootfs/lb1`] }), "notify-script-missing"), []);
});

test("a vrrp_script's script is checked too", () => {
  const d = check('vrrp_script chk {\n  script "/opt/nowhere/check.sh"\n}\n');
  assert.deepEqual(linesOf(d, "notify-script-missing"), [2]);
});

test("a script kept in the repository under files/, scripts/ or templates/ beside the config is found by its file name", () => {
  const deployed = conf("/etc/keepalived/check_haproxy.sh");
  for (const beside of ["files/check_haproxy.sh", "scripts/check_haproxy.sh", "templates/check_haproxy.sh.j2", "../files/check_haproxy.sh"]) {
    const files = { "role/templates/keepalived.conf": deployed, [`role/templates/${beside}`]: "#!/bin/sh\n" };
    assert.deepEqual(linesOf(check(files), "notify-script-missing"), [], beside);
  }
  // Another name is still missing, and the message says the name was looked for beside the config.
  const d = check({ "keepalived.conf": conf("/etc/keepalived/other.sh"), "files/check_haproxy.sh": "#!/bin/sh\n" }).filter((x) => x.code === "notify-script-missing");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /no 'other\.sh' beside the config/);
});

test("a script kept with its deployed folder (scripts/121_backup/run.sh for /etc/keepalived/scripts/121_backup/run.sh) is found", () => {
  const files = { "keepalived/keepalived.conf": conf("/etc/keepalived/scripts/121_backup/run.sh"), "keepalived/121_backup/run.sh": "#!/bin/sh\n" };
  assert.deepEqual(linesOf(check(files), "notify-script-missing"), []);
});

test("a distribution's program named in another system folder than this machine's (pidof in /usr/sbin, here in /usr/bin) is not judged; a script in /bin that exists nowhere still is", () => {
  const folders = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"];
  const has = folders.filter((f) => fs.existsSync(`${f}/sh`));
  const lacks = folders.filter((f) => !fs.existsSync(`${f}/sh`));
  assert.ok(has.length && lacks.length, `sh is in ${has.join(", ")} on this machine`);
  // Deep in the workspace: the lookup by name beside the config climbs three folders, not up to /bin.
  const at = (cmd: string) => check({ "a/b/c/d/keepalived.conf": conf(cmd) });
  assert.deepEqual(linesOf(at(`${lacks[0]}/sh -c true`), "notify-script-missing"), []);
  assert.deepEqual(linesOf(at("/bin/keepalived-notify-nowhere.sh MASTER"), "notify-script-missing"), [3]);
});

test("a script named by many instances is looked up once: every line is reported, for the stat calls of one", () => {
  const calls = (count: number) => {
    let exists = 0;
    const text = Array.from({ length: count }, (_, i) => `vrrp_instance V${i} {\n  virtual_router_id ${(i % 255) + 1}\n  notify_master "/opt/nowhere/failover.sh"\n}\n`).join("");
    const files = new Map([[`${ROOT}/keepalived.conf`, text]]);
    const inMemory = memoryAccess(files);
    const ws = new Workspace({ access: { ...inMemory, exists: (p) => (exists++, inMemory.exists(p)) } });
    ws.addFiles(files.keys());
    const found = linesOf(ws.diagnostics(), "notify-script-missing");
    return { found: found.length, exists };
  };
  const one = calls(1);
  const many = calls(200);
  assert.equal(one.found, 1);
  assert.equal(many.found, 200);
  // Without the per-check memory each line cost the ~60 lookups of a missing script (findByName).
  assert.ok(many.exists < one.exists * 3, `${many.exists} lookups for 200 lines, ${one.exists} for one`);
});
