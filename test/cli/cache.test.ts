// `check --cache`: a repeated run reuses the stored result, and never a stale one.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { lint, REPO } from "../helpers";

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-cache-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ROOT = "global_defs {\n  router_id a\n}\ninclude conf.d/*.conf\n";
const INSTANCE = (vrid: number) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id ${vrid}\n  priority 100\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n`;

/** The cache file's layout: a JSON header line (each entry with the size of its output), then the outputs' bytes. */
function readLayout(cacheFile: string): { header: { format: number; entries: { size: number }[] }; outputs: Buffer[] } {
  const bytes = fs.readFileSync(cacheFile);
  const end = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString("utf8", 0, end));
  const outputs: Buffer[] = [];
  let at = end + 1;
  for (const e of header.entries) outputs.push(bytes.subarray(at, (at += e.size)));
  return { header, outputs };
}

function replaceFirstOutput(cacheFile: string, text: string, index = 0): void {
  const { header, outputs } = readLayout(cacheFile);
  outputs[index] = Buffer.from(text, "utf8");
  header.entries[index].size = outputs[index].length;
  fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(JSON.stringify(header) + "\n"), ...outputs]));
}

test("a repeated run prints what a fresh check prints, from the cache file", () => {
  const dir = tempDir({ "keepalived.conf": ROOT, "conf.d/vi.conf": INSTANCE(300) });
  const fresh = lint(["check", "--format", "json", "keepalived.conf"], dir);
  const first = lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir);
  const cacheFile = path.join(dir, ".keepalived-lint-cache");
  assert.ok(fs.existsSync(cacheFile), "the cache file is written in the working folder");
  const second = lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir);
  for (const r of [first, second]) {
    assert.equal(r.code, fresh.code);
    assert.equal(r.stdout, fresh.stdout);
  }
  assert.equal(fresh.code, 1);
  // The second run replayed the stored result rather than checking again: a marked entry shows through.
  replaceFirstOutput(cacheFile, "replayed\n");
  assert.equal(lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir).stdout, "replayed\n");
  // Another format is another entry.
  assert.match(lint(["check", "--cache", "keepalived.conf"], dir).stdout, /invalid-value/);
});

test("an edited include, a new file matching the include glob and a deleted one all miss the cache", () => {
  const dir = tempDir({ "keepalived.conf": ROOT, "conf.d/vi.conf": INSTANCE(300) });
  const run = () => lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir);
  const codes = () => JSON.parse(run().stdout).diagnostics.map((d: { code: string }) => d.code);
  assert.ok(codes().includes("invalid-value"));
  fs.writeFileSync(path.join(dir, "conf.d/vi.conf"), INSTANCE(51));
  assert.ok(!codes().includes("invalid-value"), "the fixed include is read again");
  fs.writeFileSync(path.join(dir, "conf.d/other.conf"), INSTANCE(52));
  assert.ok(codes().includes("duplicate-name"), "the new file matching the glob is read");
  const withTwo = run().stdout;
  fs.rmSync(path.join(dir, "conf.d/other.conf"));
  assert.notEqual(run().stdout, withTwo, "a deleted include is noticed");
  assert.equal(run().stdout, lint(["check", "--format", "json", "keepalived.conf"], dir).stdout);
});

test("--cache-location takes a file or a folder", () => {
  const dir = tempDir({ "keepalived.conf": INSTANCE(51) });
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "kl-cache-loc-"));
  assert.equal(lint(["check", "--cache", "--cache-location", elsewhere, "keepalived.conf"], dir).code, 0);
  assert.ok(fs.existsSync(path.join(elsewhere, ".keepalived-lint-cache")));
  const file = path.join(elsewhere, "sub", "my.cache");
  assert.equal(lint(["check", "--cache", `--cache-location=${file}`, "keepalived.conf"], dir).code, 0);
  assert.ok(fs.existsSync(file));
  assert.ok(!fs.existsSync(path.join(dir, ".keepalived-lint-cache")), "nothing written in the working folder");
});

test("a stored report is replayed byte for byte, with non-ASCII text; a cut-short or older cache file is checked afresh", () => {
  // A non-breaking space inside a keyword: the report quotes it, escaped or not, in non-ASCII-safe JSON and text.
  const dir = tempDir({ "keepalived.conf": "global_defs {\n  router_id \u00e9t\u00e9\n  rout\u00e9r_id x\n}\n" });
  const fresh = lint(["check", "keepalived.conf"], dir);
  assert.match(fresh.stdout, /unknown-keyword/);
  lint(["check", "--cache", "keepalived.conf"], dir);
  const cacheFile = path.join(dir, ".keepalived-lint-cache");
  assert.equal(lint(["check", "--cache", "keepalived.conf"], dir).stdout, fresh.stdout, "replayed as checked");
  replaceFirstOutput(cacheFile, "r\u00e9plique \ud83d\ude00\n");
  assert.equal(lint(["check", "--cache", "keepalived.conf"], dir).stdout, "r\u00e9plique \ud83d\ude00\n", "multi-byte text comes out as stored");
  // Cut short (a full disk, a killed run): the entry's bytes are missing, so it is not trusted.
  const whole = fs.readFileSync(cacheFile);
  fs.writeFileSync(cacheFile, whole.subarray(0, whole.length - 3));
  assert.equal(lint(["check", "--cache", "keepalived.conf"], dir).stdout, fresh.stdout);
  // A cache file of the earlier all-JSON layout is not read as this one.
  fs.writeFileSync(cacheFile, JSON.stringify({ format: 2, entries: [{ key: "x", observations: [], output: "stale\n", exitCode: 0 }] }));
  assert.equal(lint(["check", "--cache", "keepalived.conf"], dir).stdout, fresh.stdout);
  assert.equal(readLayout(cacheFile).header.format, 3, "and is rewritten in the current layout");
});

test("an entry behind others is replayed from its own bytes, a report larger than a read at a time whole", () => {
  // 1,000 weak passwords: a report of ~0.7 MB (under the test helper's 1 MB pipe buffer), read and written back in pieces.
  const instances = Array.from({ length: 1000 }, (_, i) =>
    `vrrp_instance VI_${i} {\n  interface eth${i % 9}\n  virtual_router_id ${(i % 250) + 1}\n  priority 100\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n  virtual_ipaddress {\n    10.${i >> 8}.${i & 255}.1/24\n  }\n}\n`,
  ).join("");
  const dir = tempDir({ "keepalived.conf": instances });
  const freshJson = lint(["check", "--format", "json", "keepalived.conf"], dir);
  const freshText = lint(["check", "keepalived.conf"], dir);
  assert.ok(freshJson.stdout.length > 256 * 1024, `a large report (${freshJson.stdout.length} bytes)`);
  lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir);
  lint(["check", "--cache", "keepalived.conf"], dir);
  const cacheFile = path.join(dir, ".keepalived-lint-cache");
  // Newest first: the text report, then the JSON one.
  assert.equal(readLayout(cacheFile).header.entries.length, 2);
  const json = lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir);
  assert.equal(json.stdout, freshJson.stdout);
  assert.equal(json.code, freshJson.code);
  assert.equal(lint(["check", "--cache", "keepalived.conf"], dir).stdout, freshText.stdout);
  // And it was a replay of the second entry's bytes, not a check.
  replaceFirstOutput(cacheFile, "second entry\n", 1);
  assert.equal(lint(["check", "--cache", "--format", "json", "keepalived.conf"], dir).stdout, "second entry\n");
});

test("a FIFO at --cache-location is not waited on, and is left a FIFO", (t) => {
  if (process.platform === "win32") return t.skip("no FIFOs");
  const dir = tempDir({ "keepalived.conf": ROOT.replace("include conf.d/*.conf\n", "") + INSTANCE(300) });
  const fifo = path.join(dir, "cache.fifo");
  const made = spawnSync("mkfifo", [fifo]);
  if (made.status !== 0) return t.skip("mkfifo not available");
  const fresh = lint(["check", "keepalived.conf"], dir);
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "check", "--cache", "--cache-location", fifo, "keepalived.conf"], { cwd: dir, encoding: "utf8", timeout: 20_000 });
  assert.equal(r.signal, null, "the run finished (it used to wait for a writer on the FIFO)");
  assert.equal(r.stdout, fresh.stdout);
  assert.equal(r.status, fresh.code);
  assert.match(r.stderr, /--cache: nothing stored, as .*cache\.fifo is not a regular file/);
  assert.ok(fs.statSync(fifo).isFIFO(), "the FIFO is still there");
});

test("--cache-location naming a config does not replace the config with the cache", () => {
  const dir = tempDir({ "keepalived.conf": ROOT.replace("include conf.d/*.conf\n", "") + INSTANCE(300), "other.conf": "global_defs {\n  router_id b\n}\n" });
  const before = fs.readFileSync(path.join(dir, "other.conf"), "utf8");
  const fresh = lint(["check", "keepalived.conf"], dir);
  for (const run of [1, 2]) {
    const r = lint(["check", "--cache", "--cache-location", "other.conf", "keepalived.conf"], dir);
    assert.equal(r.stdout, fresh.stdout, `run ${run}`);
    assert.match(r.stderr, /nothing stored, as .*other\.conf holds something other than a keepalived-lint cache/);
  }
  assert.equal(fs.readFileSync(path.join(dir, "other.conf"), "utf8"), before, "the config is as it was");
  // An empty file, or one of our own cache files, is used.
  fs.writeFileSync(path.join(dir, "empty.cache"), "");
  assert.equal(lint(["check", "--cache", "--cache-location", "empty.cache", "keepalived.conf"], dir).stderr, "");
  assert.equal(readLayout(path.join(dir, "empty.cache")).header.format, 3);
  assert.equal(lint(["check", "--cache", "--cache-location", "empty.cache", "keepalived.conf"], dir).stdout, fresh.stdout);
});

test("a rebuilt CLI of the same version does not replay what the old build stored", () => {
  // A private install (bin/ and dist/), so its bundle can be touched like a rebuild.
  const install = fs.mkdtempSync(path.join(os.tmpdir(), "kl-install-"));
  fs.cpSync(path.join(REPO, "bin"), path.join(install, "bin"), { recursive: true });
  fs.mkdirSync(path.join(install, "dist"));
  for (const f of ["cli.js", "cli-cache.js"]) fs.copyFileSync(path.join(REPO, "dist", f), path.join(install, "dist", f));
  const dir = tempDir({ "keepalived.conf": ROOT.replace("include conf.d/*.conf\n", "") + INSTANCE(300) });
  const run = () => spawnSync(process.execPath, [path.join(install, "bin/keepalived-lint.js"), "check", "--cache", "keepalived.conf"], { cwd: dir, encoding: "utf8" }).stdout;
  const fresh = run();
  assert.match(fresh, /invalid-value/);
  replaceFirstOutput(path.join(dir, ".keepalived-lint-cache"), "stored by the old build\n");
  assert.equal(run(), "stored by the old build\n", "the same build replays");
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(install, "dist/cli.js"), later, later);
  assert.equal(run(), fresh, "a rebuild checks afresh");
});
