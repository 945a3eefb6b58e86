import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../../..");

test("the CLI's code cache keeps one entry per installed bundle: a rebuilt bundle replaces its old entry", () => {
  // An installed copy of the CLI (its launcher and bundles) in a folder of its own, with a temp dir of its own.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kal-codecache-"));
  const tmp = path.join(root, "tmp");
  fs.mkdirSync(tmp);
  for (const dir of ["bin", "dist"]) fs.cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true, filter: (f) => !f.endsWith(".map") });
  const conf = path.join(root, "keepalived.conf");
  fs.writeFileSync(conf, "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n");
  const run = () => spawnSync(process.execPath, [path.join(root, "bin/keepalived-lint.js"), "check", conf], { env: { ...process.env, TMPDIR: tmp, KEEPALIVED_NO_CODE_CACHE: "" }, encoding: "utf8" });
  const entries = () => fs.readdirSync(tmp).flatMap((d) => fs.readdirSync(path.join(tmp, d))).filter((f) => f.startsWith("cli.js-")).sort();
  try {
    run();
    const first = entries();
    assert.equal(first.length, 1, first.join(", "));
    // A rebuild: same path, new contents and time.
    const bundle = path.join(root, "dist/cli.js");
    fs.appendFileSync(bundle, "\n// rebuilt\n");
    fs.utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    const r = run();
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const second = entries();
    assert.equal(second.length, 1, second.join(", "));
    assert.notEqual(second[0], first[0]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** Starts the installed server over stdio, initializes it and shuts it down the way an editor does. */
function startAndStopServer(launcher: string, env: NodeJS.ProcessEnv): Promise<void> {
  const frame = (m: object) => {
    const s = JSON.stringify(m);
    return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
  };
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [launcher, "--stdio"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => (p.kill(), reject(new Error(`no answer: ${out} ${err}`))), 60_000);
    p.stderr.on("data", (d) => (err += d));
    p.stdout.on("data", (d) => {
      out += d;
      // The editor's order: the answer to initialize, then shutdown, then its answer, then exit.
      if (out.includes('"id":1') && !out.includes('"id":2') && !p.killed) p.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "shutdown" }));
      if (out.includes('"id":2')) p.stdin.write(frame({ jsonrpc: "2.0", method: "exit" }));
    });
    p.on("exit", () => {
      clearTimeout(timer);
      if (out.includes('"id":2')) resolve();
      else reject(new Error(`the server exited before answering shutdown: ${err}`));
    });
    p.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
  });
}

test("the server's code cache written by one start is taken by the next (not rejected and rewritten)", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kal-servercache-"));
  const tmp = path.join(root, "tmp");
  fs.mkdirSync(tmp);
  for (const dir of ["bin", "dist"]) fs.cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true, filter: (f) => !f.endsWith(".map") });
  const env = { ...process.env, TMPDIR: tmp, KEEPALIVED_NO_CODE_CACHE: "" };
  const entries = () =>
    fs
      .readdirSync(tmp)
      .flatMap((d) => fs.readdirSync(path.join(tmp, d)).map((f) => path.join(tmp, d, f)))
      .filter((f) => path.basename(f).startsWith("server.js-"))
      .map((f) => `${path.basename(f)} ${fs.statSync(f).mtimeMs} ${fs.statSync(f).size}`);
  try {
    const launcher = path.join(root, "bin/keepalived-language-server.js");
    await startAndStopServer(launcher, env);
    const first = entries();
    assert.equal(first.length, 1, first.join(", "));
    // V8 stamps a cache with the flags of the moment it is made: a flag changed after compiling made it unusable.
    await startAndStopServer(launcher, env);
    assert.deepEqual(entries(), first, "the second start rewrote the cache, so V8 had rejected it");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
