// A path named on the command line that is not a file to read gets one line on stderr and exit 2:
// a FIFO used to make check, format and the others wait forever, /dev/zero filled the memory, and a
// file the user may not read was checked as an empty one ("0 errors", exit 0).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO } from "../helpers";

const CLI = path.join(REPO, "bin/keepalived-lint.js");

function run(args: string[], cwd: string, asNobody = false) {
  const command = asNobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  const r = spawnSync(command[0], command.slice(1), { cwd, encoding: "utf8", timeout: 30_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-unreadable-"));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, "ok.conf"), "global_defs {\n  router_id a\n}\n");
  return dir;
}

test("a FIFO or a device named to any command is refused in one line, exit 2, without waiting", (t) => {
  if (process.platform === "win32") return t.skip("no FIFOs");
  const dir = folder();
  if (spawnSync("mkfifo", [path.join(dir, "f.conf")]).status !== 0) return t.skip("mkfifo not available");
  const commands = [["check", "f.conf"], ["format", "f.conf"], ["format", "--check", "f.conf"], ["firewall", "f.conf"], ["topology", "--format", "json", "f.conf"], ["compare", "f.conf", "ok.conf"], ["impact", "ok.conf", "f.conf"], ["check", "/dev/zero"], ["format", "/dev/zero"]];
  for (const args of commands) {
    const r = run(args, dir);
    assert.equal(r.signal, null, `${args.join(" ")} finished`);
    assert.equal(r.code, 2, `${args.join(" ")}: exit 2`);
    assert.match(r.stderr, /^keepalived-lint: cannot read (f\.conf: is a FIFO \(named pipe\)|\/dev\/zero: is a character device)\n$/, args.join(" "));
  }
  // A missing file: one line too, as the README says.
  assert.equal(run(["check", "missing.conf"], dir).stderr, "keepalived-lint: cannot read missing.conf: ENOENT\n");
});

test("a file the user may not read is an error, not a clean check; format says which file it could not read or write", (t) => {
  if (process.platform === "win32") return t.skip("POSIX permissions");
  const dir = folder();
  fs.writeFileSync(path.join(dir, "secret.conf"), "vrrp_instance X {\n  bogus_keyword 1\n}\n");
  fs.chmodSync(path.join(dir, "secret.conf"), 0o000);
  fs.writeFileSync(path.join(dir, "locked.conf"), "global_defs {\nrouter_id a\n}\n");
  fs.chmodSync(path.join(dir, "locked.conf"), 0o444);
  const asNobody = typeof process.getuid === "function" && process.getuid() === 0;
  if (asNobody && spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status !== 0) return t.skip("running as root without setpriv: permissions do not apply");
  const check = run(["check", "secret.conf"], dir, asNobody);
  assert.equal(check.code, 2);
  assert.equal(check.stderr, "keepalived-lint: cannot read secret.conf: EACCES\n");
  const format = run(["format", "secret.conf"], dir, asNobody);
  assert.equal(format.code, 2);
  assert.equal(format.stderr, "keepalived-lint: cannot read secret.conf: EACCES\n");
  const write = run(["format", "--write", "locked.conf"], dir, asNobody);
  assert.equal(write.code, 2);
  assert.match(write.stderr, /^keepalived-lint: cannot write locked\.conf: EACCES\n$/);
  assert.equal(fs.readFileSync(path.join(dir, "locked.conf"), "utf8"), "global_defs {\nrouter_id a\n}\n");
});
