// Language-server figures measured through the protocol, as an editor sees them:
//   keystroke → diagnostics (p50/p99, includes the server's short debounce) on a generated 5,000-line file,
//   completion latency (p99), server RSS with 100 paired files open, and the .vsix size.
// Run: npm run bench:lsp   (builds dist/ and out/, then runs this file)
import { createRequire } from "module";
import { execSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { TestClient, uriOf } = require(path.join(repo, "out/test/lsp/lspClient.js"));

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

function instance(i, state, priority) {
  return [
    `vrrp_instance VI_${i} {`,
    `    state ${state}`,
    `    interface eth${Math.floor(i / 250)}`,
    `    virtual_router_id ${(i % 250) + 1}`,
    `    priority ${priority}`,
    `    advert_int 1`,
    `    authentication {`,
    `        auth_type PASS`,
    `        auth_pass pw${i}`,
    `    }`,
    `    virtual_ipaddress {`,
    `        10.${Math.floor(i / 250)}.${i % 250}.1/24`,
    `    }`,
    `    track_script {`,
    `        chk_${i % 10}`,
    `    }`,
    `}`,
    ``,
  ];
}

function bigFile(lines) {
  const out = ["! Configuration File for keepalived", "global_defs {", "    router_id bench", "}", ""];
  for (let s = 0; s < 10; s++) out.push(`vrrp_script chk_${s} {`, `    script "/bin/true"`, `    interval 2`, `}`, ``);
  for (let i = 0; out.length < lines; i++) out.push(...instance(i, "MASTER", 100));
  return out.slice(0, lines).join("\n") + "\n";
}

const WARMUP_EDITS = 20;
const MEASURED_EDITS = 200;

async function keystrokes(dir) {
  const file = path.join(dir, "big", "keepalived.conf");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let text = bigFile(5000);
  fs.writeFileSync(file, text);
  const client = new TestClient();
  await client.initialize([path.dirname(file)]);
  const uri = await client.open(file, text);
  await client.nextDiagnostics(uri, 30000);
  const lines = text.split("\n");
  const priorityLines = lines.map((l, i) => (l === "    priority 100" ? i : -1)).filter((i) => i >= 0);
  const latencies = [];
  const type = async (line, range, newText) => {
    const pending = client.nextDiagnostics(uri, 10000);
    const t0 = performance.now();
    await client.change(uri, range, newText);
    await pending;
    latencies.push(performance.now() - t0);
  };
  // The first edits warm up the JIT (a one-off cost when a file is opened): not measured.
  for (let k = 0; k < WARMUP_EDITS + MEASURED_EDITS; k++) {
    // Typing a digit makes a priority out of range (an error appears); deleting it clears it again.
    const line = priorityLines[(Math.floor(k / 2) * 37) % priorityLines.length];
    if (k === WARMUP_EDITS) latencies.length = 0;
    if (k % 2 === 0) await type(line, { start: { line, character: 16 }, end: { line, character: 16 } }, "0");
    else await type(line, { start: { line, character: 16 }, end: { line, character: 17 } }, "");
  }
  const completion = [];
  for (let k = 0; k < 200; k++) {
    const line = priorityLines[(k * 13) % priorityLines.length];
    const t0 = performance.now();
    const items = await client.request("textDocument/completion", { textDocument: { uri }, position: { line, character: 4 } });
    completion.push(performance.now() - t0);
    if (!items.length) throw new Error("empty completion");
  }
  await client.stop();
  return { latencies, completion };
}

async function pairedRss(dir) {
  const root = path.join(dir, "pairs");
  const files = [];
  for (let p = 0; p < 50; p++) {
    for (const [node, state, prio] of [["a", "MASTER", 150], ["b", "BACKUP", 100]]) {
      const file = path.join(root, `pair${p}`, `lb-${node}`, "keepalived.conf");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const body = ["! Configuration File for keepalived", "global_defs {", `    router_id lb-${node}-${p}`, "}", "", "vrrp_script chk_0 {", '    script "/bin/true"', "    interval 2", "}", ""];
      for (let i = 0; i < 10; i++) body.push(...instance(p * 10 + i, state, prio));
      fs.writeFileSync(file, body.join("\n"));
      files.push(file);
    }
  }
  const client = new TestClient();
  await client.initialize([root]);
  const t0 = performance.now();
  for (const f of files) await client.open(f);
  await client.waitFor(() => files.every((f) => client.publishCount.get(uriOf(f))), 60000, "all 100 files");
  const settle = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const status = fs.readFileSync(`/proc/${client.process.pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  await client.stop();
  return { rssMb: rssKb / 1024, settle };
}

/** The same edits without the protocol: what the server's check itself costs per keystroke. */
function inProcess(dir) {
  const { Workspace } = require(path.join(repo, "out/server/src/core/check/workspace.js"));
  const file = path.join(dir, "inproc", "keepalived.conf");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = bigFile(5000).split("\n");
  fs.writeFileSync(file, lines.join("\n"));
  const ws = new Workspace({});
  ws.addFiles([file]);
  ws.setText(file, lines.join("\n"));
  ws.diagnostics();
  const priorityLines = lines.map((l, i) => (l === "    priority 100" ? i : -1)).filter((i) => i >= 0);
  const times = [];
  for (let k = 0; k < WARMUP_EDITS + MEASURED_EDITS; k++) {
    const line = priorityLines[(Math.floor(k / 2) * 37) % priorityLines.length];
    lines[line] = k % 2 ? "    priority 100" : "    priority 1000";
    if (k === WARMUP_EDITS) times.length = 0;
    const t0 = performance.now();
    ws.setText(file, lines.join("\n"));
    ws.diagnostics();
    times.push(performance.now() - t0);
  }
  return times;
}

function vsixSize() {
  execSync("npm run -s package", { cwd: repo, stdio: "ignore" });
  const vsix = fs.readdirSync(repo).filter((f) => f.endsWith(".vsix")).map((f) => path.join(repo, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  return { file: path.basename(vsix), kb: fs.statSync(vsix).size / 1024 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kabench-"));
try {
  const { latencies, completion } = await keystrokes(dir);
  console.log(`keystroke → diagnostics, 5,000-line file (${latencies.length} edits after ${WARMUP_EDITS} warm-up edits, incl. debounce): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`);
  const local = inProcess(dir);
  console.log(`  the check alone, in-process (${local.length} edits after ${WARMUP_EDITS} warm-up edits): p50 ${ms(percentile(local, 50))}, p99 ${ms(percentile(local, 99))}`);
  console.log(`completion inside vrrp_instance, same file (${completion.length} requests): p50 ${ms(percentile(completion, 50))}, p99 ${ms(percentile(completion, 99))}`);
  const { rssMb, settle } = await pairedRss(dir);
  console.log(`server RSS with 100 paired files open (50 MASTER/BACKUP pairs): ${rssMb.toFixed(1)} MB (all diagnostics in ${ms(settle)})`);
  const { file, kb } = vsixSize();
  console.log(`${file}: ${kb.toFixed(1)} KB (limit 1024 KB)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
