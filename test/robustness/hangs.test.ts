// Inputs that used to hang the server: each check finishes, and says what it refused or capped.
// They run in a child process with a deadline, so a regression fails instead of freezing the runner.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { checkDiskInChild, checkShapeInChild, ChildResult, topologyOfShapeInChild } from "./inChild";

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-hang-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function messages(r: ChildResult, code: string): string[] {
  assert.ok(r.diagnostics, `the check did not finish: ${r.timedOut ? "deadline passed" : r.stderr}`);
  return r.diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

for (const [target, what] of [
  ["/dev/zero", /is a character device: only regular files are read/],
  ["/dev/urandom", /is a character device/],
  ["/proc/self/fd/0", /(is a|is under \/proc|cannot be read)/],
] as const) {
  test(`include ${target} is refused with what it is`, () => {
    const dir = workspace({ "keepalived.conf": `include ${target}\n` });
    try {
      const found = messages(checkDiskInChild(dir, ["keepalived.conf"]), "include-not-found");
      assert.equal(found.length, 1, found.join("\n"));
      assert.match(found[0], what);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("include of a FIFO, a directory, a symlink loop and a 3 GB file: each refused and named", (t) => {
  const dir = workspace({ "keepalived.conf": "include fifo.conf\ninclude sub\ninclude loop.conf\ninclude big.conf\n", "sub/x.conf": "" });
  try {
    if (spawnSync("mkfifo", [path.join(dir, "fifo.conf")]).status !== 0) return t.skip("mkfifo is not available");
    fs.symlinkSync("loop.conf", path.join(dir, "loop.conf"));
    fs.closeSync(fs.openSync(path.join(dir, "big.conf"), "w"));
    fs.truncateSync(path.join(dir, "big.conf"), 3 * 1024 ** 3); // sparse: takes no disk space
    const found = messages(checkDiskInChild(dir, ["keepalived.conf"]), "include-not-found").join("\n");
    assert.match(found, /fifo\.conf' is a FIFO \(named pipe\)/);
    assert.match(found, /sub' is a directory/);
    assert.match(found, /loop\.conf' is a symbolic link loop/);
    assert.match(found, /big\.conf' is 3\.0 GB, over the 64 MB limit/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a glob that matches a FIFO skips it and says so", (t) => {
  const dir = workspace({ "keepalived.conf": "include conf.d/*.conf\n", "conf.d/a.conf": "vrrp_script s {\n  script /bin/true\n}\n" });
  try {
    if (spawnSync("mkfifo", [path.join(dir, "conf.d", "b.conf")]).status !== 0) return t.skip("mkfifo is not available");
    const found = messages(checkDiskInChild(dir, ["keepalived.conf"]), "include-not-found");
    assert.deepEqual(found.length, 1);
    assert.match(found[0], /b\.conf' is a FIFO/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("$A0=$A1$A1 … $A30: exponential substitution stops with expansion-limit", () => {
  assert.equal(messages(checkShapeInChild("exponentialDefinitions"), "expansion-limit").length, 1);
});

test("a $VAR that refers to itself stops with expansion-limit", () => {
  assert.equal(messages(checkShapeInChild("selfReference"), "expansion-limit").length, 1);
});

test("a $VAR that triples itself, used on 50 lines: substitution stops at its total budget (was out of memory)", () => {
  const found = messages(checkShapeInChild("triplingSelfReference"), "expansion-limit");
  assert.ok(found.length >= 1, found.join("\n"));
});

test("a fuzz input that ran out of memory (substituted words in $ blocks) is checked within the budget", () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "test", "robustness", "fixtures", "fuzz-oom-soup.json"), "utf8"));
  const dir = workspace(fixture.files);
  try {
    const r = checkDiskInChild(dir, Object.keys(fixture.files));
    assert.ok(r.diagnostics, r.stderr);
    assert.equal(r.diagnostics.filter((d) => d.code === "internal-error").length, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("an include pattern longer than 64 KB is a diagnostic, not an internal error", () => {
  const r = checkShapeInChild("longIncludePattern");
  assert.equal(messages(r, "internal-error").length, 0);
  assert.equal(messages(r, "include-not-found").length, 1);
});

test("an include pattern of 60 KB with ten braces is refused as longer than PATH_MAX, quoted short", () => {
  const found = messages(checkShapeInChild("longBracePattern"), "include-not-found");
  assert.equal(found.length, 1, found.join("\n").slice(0, 500));
  assert.match(found[0], /over the 4096 of the longest file name \(PATH_MAX\)/);
  assert.ok(found[0].length < 1000, `a message of ${found[0].length} characters`);
});

test("a $VAR block that uses itself stops with expansion-limit", () => {
  const found = messages(checkShapeInChild("selfReferringBlock"), "expansion-limit");
  assert.ok(found.some((m) => /more than 8 levels deep/.test(m)), found.join("\n"));
});

test("~SEQ(i,1,4096) include b.conf with another ~SEQ inside: capped across includes", () => {
  const r = checkShapeInChild("sequenceOfIncludes");
  const found = messages(r, "expansion-limit");
  assert.equal(found.length, 1);
  assert.match(found[0], /more than 25000 statements/);
});

test("1 MB of ~SEQ(i,1,4096) lines: one expansion-limit, and the lines past the cap are not expanded", () => {
  const found = messages(checkShapeInChild("manySequenceLines"), "expansion-limit");
  assert.equal(found.length, 1);
  assert.match(found[0], /more than 25000 statements/);
});

test("a file included 200 × 200 times (no cycle) is capped the same way", () => {
  assert.equal(messages(checkShapeInChild("diamondIncludes"), "expansion-limit").length, 1);
});

test("a 1.3 MB template of 8,000 four-branch blocks is checked in a few variants, and says some branches were left out", () => {
  const found = messages(checkShapeInChild("manyTemplateBlocks"), "expansion-limit");
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /this template is 1\.3 MB: 3 of its variants are checked \(up to 16 for a template under 256 KB\), and some of its branches are in none of them/);
});

/** The shipped Ansible example with another inventory, checked from the disk in a child: whether it finished. */
function checkExampleWithInventory(inventory: string): ChildResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-hang-"));
  fs.cpSync(path.join(__dirname, "..", "..", "..", "examples", "ansible"), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "inventory.ini"), inventory);
  try {
    return checkDiskInChild(dir, ["roles/keepalived/templates/keepalived.conf.j2", "inventory.ini", "site.yml"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("an Ansible inventory of 5,000 hosts in one group is read in time (each group's hosts were gathered quadratically, for every host)", () => {
  const web = Array.from({ length: 5000 }, (_, i) => `web${i}`).join("\n");
  const r = checkExampleWithInventory(`[lb]\nlb1 ansible_host=10.0.0.11\nlb2 ansible_host=10.0.0.12\n[web]\n${web}\n`);
  assert.ok(r.diagnostics, `the check did not finish: ${r.timedOut ? "deadline passed" : r.stderr}`);
});

test("a play of 1,000 hosts rendered with one address is paired in time (each host's 999 peers at one address were each looked up, and all compared)", () => {
  const r = checkExampleWithInventory("[lb]\nlb[1:1000] ansible_host=10.0.0.1\n");
  assert.ok(r.diagnostics, `the check did not finish: ${r.timedOut ? "deadline passed" : r.stderr}`);
});

test("2,000 instances sharing one VRID: one vrid-conflict per instance naming a few others, not one per pair", () => {
  const found = messages(checkShapeInChild("sharedVrids"), "vrid-conflict");
  assert.equal(found.length, 2000);
  assert.match(found[0], /is also used by VI_\d+, VI_\d+, VI_\d+, VI_\d+, VI_\d+ and 99\+ other instances on /);
});

test("topology of 20,000 one-member clusters (1 MB) finishes, each with the mismatch inside its own block", () => {
  const r = topologyOfShapeInChild("manyClusters");
  const clusters = r.clusters ?? [];
  assert.ok(r.clusters, `the topology did not finish: ${r.timedOut ? "deadline passed" : r.stderr}`);
  assert.equal(clusters.length, 20000);
  for (const i of [0, 7777, 19999]) {
    const c = clusters.find((x) => x.name === `V${i}`);
    const unknown = c?.mismatches.filter((m) => m.code === "unknown-keyword") ?? [];
    assert.equal(unknown.length, 1, JSON.stringify(c));
    assert.match(unknown[0].message, /bogus/);
  }
});

test("include *a*a*a*a*a*a*a*b.conf beside a 200-character name finishes (no backtracking)", () => {
  const found = messages(checkShapeInChild("backtrackingInclude"), "include-not-found");
  assert.equal(found.length, 1);
  assert.match(found[0], /No file matches/);
});

test("many **/ in keepalived.files: matching a deep path finishes", () => {
  const out = JSON.stringify(path.resolve(__dirname, "..", "..", "server", "src", "service", "fileGlob.js"));
  const r = spawnSync(process.execPath, ["-e", `const { fileMatcher } = require(${out}); const m = fileMatcher([${JSON.stringify("**/".repeat(40) + "x.conf")}]); process.stdout.write(String(m(${JSON.stringify("a/".repeat(60) + "y.conf")})))`], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.stdout, "false", r.stderr);
});

test("keepalived.files '*a*a*a*a*a*a*a*b.conf' against a 200-character name finishes (no backtracking)", () => {
  const out = JSON.stringify(path.resolve(__dirname, "..", "..", "server", "src", "service", "fileGlob.js"));
  const glob = JSON.stringify("**/" + "*a".repeat(7) + "*b.conf");
  const name = JSON.stringify("x/" + "a".repeat(200) + ".conf");
  const r = spawnSync(process.execPath, ["-e", `const { fileMatcher } = require(${out}); const m = fileMatcher([${glob}, "**/*a*a*a*.conf"]); process.stdout.write(String(m(${name})) + String(m("x/y.conf")))`], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.stdout, "truefalse", r.stderr || "deadline passed");
});
