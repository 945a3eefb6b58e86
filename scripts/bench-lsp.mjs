// Language-server figures measured through the protocol, as an editor sees them:
//   keystroke → diagnostics (p50/p99, until the client has the publication) on a generated 5,000-line file,
//   completion latency (p99), server RSS with 100 paired files open, and the .vsix size.
// Run: npm run bench:lsp   (builds dist/ and out/, then runs this file)
import { createRequire } from "module";
import { execSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

// The server is measured as VS Code starts it: with the node flags the extension gives it (read from
// client/src/extension.ts, the one place they are set). KEEPALIVED_SERVER_NODE_ARGS overrides them
// (`""` for the plain `node dist/server.js` other editors run, `--cpu-prof` to profile).
if (process.env.KEEPALIVED_SERVER_NODE_ARGS === undefined) {
  const extension = fs.readFileSync(path.join(repo, "client/src/extension.ts"), "utf8");
  const run = /run: \{[^\n]*execArgv: \[([^\]]*)\]/.exec(extension);
  if (!run) throw new Error("bench-lsp: the run options' execArgv were not found in client/src/extension.ts");
  process.env.KEEPALIVED_SERVER_NODE_ARGS = [...run[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" ");
}
console.log(`server started as VS Code starts it: node ${process.env.KEEPALIVED_SERVER_NODE_ARGS || "(no flags)"} dist/server.js`);
const { TestClient, uriOf } = require(path.join(repo, "out/test/lsp/lspClient.js"));

/** CPU time (user + system) a process has used, in ms: on a shared, loaded machine it says what the work costs. */
const cpuMsOf = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};
/** On-CPU time of a process's main thread in ms, to the nanosecond (/proc/PID/schedstat): one edit's cost, whatever the load. */
const threadCpuMsOf = (pid) => Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
/** Time a process's main thread was runnable but waiting for a core, in ms (/proc/PID/schedstat's second field). */
const runQueueMsOf = (pid) => Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

// The same instance text as the e2e timings (scripts/benchFile.ts, compiled by `npm run bench:lsp`).
const { instance } = require(path.join(repo, "out/scripts/benchFile.js"));

/**
 * A well-formed config of exactly `lines` lines (whole instances, then comment lines), ending with one
 * instance whose priority is out of range, so every edit above it moves a diagnostic and is published.
 * `unclosed`: the last instance's closing brace is missing (keepalived reads on to the end of the file).
 */
function bigFile(lines, { unclosed = false } = {}) {
  const out = ["! Configuration File for keepalived", "global_defs {", "    router_id bench", "}", ""];
  for (let s = 0; s < 10; s++) out.push(`vrrp_script chk_${s} {`, `    script "/bin/true"`, `    interval 2`, `}`, ``);
  const last = instance(9999, "BACKUP", 300);
  for (let i = 0; out.length + 2 * last.length <= lines; i++) out.push(...instance(i, "MASTER", 100));
  out.push(...last);
  while (out.length < lines) out.push("! padding");
  if (unclosed) out[out.lastIndexOf("}")] = "";
  return out.slice(0, lines).join("\n") + "\n";
}

const WARMUP_EDITS = 20;
const MEASURED_EDITS = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

/**
 * Editing as a person does, through the protocol: the first keystroke after the file opens, digits
 * typed and deleted, Enter and joining the lines again, deleting a line and pasting it back, typing
 * `{` then `}`, pasting a whole instance and removing it. Each edit's time runs until the server
 * publishes the new diagnostics. Then hover and completion, each including its first request.
 */
async function keystrokes(dir, unclosed) {
  const file = path.join(dir, unclosed ? "big-unclosed" : "big", "keepalived.conf");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = bigFile(5000, { unclosed });
  fs.writeFileSync(file, text);
  const client = new TestClient();
  await client.initialize([path.dirname(file)]);
  const uri = await client.open(file, text);
  await client.nextDiagnostics(uri, 30000);
  const lines = text.split("\n");
  const priorityLines = lines.map((l, i) => (l === "    priority 100" ? i : -1)).filter((i) => i >= 0);
  const byKind = new Map();
  /** The server main thread's CPU per edit, in edit order (the wall time waits for a core on a busy machine). */
  const cpuPerEdit = [];
  /** Per published edit: wall time not spent on the server's main thread, and the bench client's own main-thread CPU. */
  const notServerCpu = [];
  const clientCpu = [];
  const serverWaitingForCore = [];
  let unpublished = 0;
  const pos = (line, character) => ({ line, character });
  const edit = async (kind, range, newText) => {
    const pending = client.nextDiagnostics(uri, 5000).catch(() => undefined);
    const t0 = performance.now();
    const c0 = threadCpuMsOf(client.process.pid);
    const own0 = threadCpuMsOf(process.pid);
    const q0 = runQueueMsOf(client.process.pid);
    await client.change(uri, range, newText);
    const got = await pending;
    const wall = performance.now() - t0;
    const serverCpu = threadCpuMsOf(client.process.pid) - c0;
    cpuPerEdit.push(serverCpu);
    if (!got) unpublished++;
    else {
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind)).push(wall);
      notServerCpu.push(wall - serverCpu);
      clientCpu.push(threadCpuMsOf(process.pid) - own0);
      serverWaitingForCore.push(runQueueMsOf(client.process.pid) - q0);
    }
  };
  const block = instance(7777, "BACKUP", 90).join("\n") + "\n";
  const cpuBefore = cpuMsOf(client.process.pid);
  for (let k = 0; k < ROUNDS; k++) {
    // Instance k's lines: `priority` is line p, `advert_int` is p + 1 (see instance()).
    const p = priorityLines[(k * 37) % (priorityLines.length - 2)];
    await edit(k === 0 ? "first keystroke" : "type a digit", { start: pos(p, 16), end: pos(p, 16) }, "0");
    await edit("delete a character", { start: pos(p, 16), end: pos(p, 17) }, "");
    await edit("Enter", { start: pos(p, 16), end: pos(p, 16) }, "\n    ");
    await edit("join lines (Backspace)", { start: pos(p, 16), end: pos(p + 1, 4) }, "");
    await edit("delete a line", { start: pos(p + 1, 0), end: pos(p + 2, 0) }, "");
    await edit("paste a line", { start: pos(p + 1, 0), end: pos(p + 1, 0) }, "    advert_int 1\n");
    await edit("type {", { start: pos(p + 1, 16), end: pos(p + 1, 16) }, " {");
    await edit("type }", { start: pos(p + 1, 18), end: pos(p + 1, 18) }, "}");
    await edit("delete {}", { start: pos(p + 1, 16), end: pos(p + 1, 19) }, "");
    const at = p - 4; // the start of instance k
    await edit("paste a block", { start: pos(at, 0), end: pos(at, 0) }, block);
    await edit("delete a block", { start: pos(at, 0), end: pos(at + block.split("\n").length - 1, 0) }, "");
  }
  const serverCpuPerEdit = (cpuMsOf(client.process.pid) - cpuBefore) / Math.max(1, [...byKind.values()].flat().length + unpublished);
  const requests = async (method, params) => {
    const times = [];
    for (let k = 0; k < 200; k++) {
      const line = priorityLines[(k * 13) % priorityLines.length];
      const t0 = performance.now();
      const r = await client.request(method, params(line));
      times.push(performance.now() - t0);
      if (!r || (Array.isArray(r) && !r.length)) throw new Error(`empty ${method}`);
    }
    return times;
  };
  // Hover first: its first request is the first of any request after the edits.
  const hover = await requests("textDocument/hover", (line) => ({ textDocument: { uri }, position: pos(line, 6) }));
  const completion = await requests("textDocument/completion", (line) => ({ textDocument: { uri }, position: pos(line, 4) }));
  await client.stop();
  const latencies = [...byKind.values()].flat();
  return { latencies, byKind, unpublished, completion, hover, serverCpuPerEdit, cpuPerEdit, notServerCpu, clientCpu, serverWaitingForCore };
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
  const cpu = [];
  for (let k = 0; k < WARMUP_EDITS + MEASURED_EDITS; k++) {
    const line = priorityLines[(Math.floor(k / 2) * 37) % priorityLines.length];
    lines[line] = k % 2 ? "    priority 100" : "    priority 1000";
    if (k === WARMUP_EDITS) (times.length = 0), (cpu.length = 0);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    ws.setText(file, lines.join("\n"));
    ws.diagnostics();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { times, cpu };
}

function vsixSize() {
  execSync("npm run -s package", { cwd: repo, stdio: "ignore" });
  const vsix = fs.readdirSync(repo).filter((f) => f.endsWith(".vsix")).map((f) => path.join(repo, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  return { file: path.basename(vsix), kb: fs.statSync(vsix).size / 1024 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kabench-"));
const rows = [];
const target = (name, figure, value, limit) => rows.push(`${value <= limit ? "PASS" : "FAIL"}  ${name}: ${figure} (target ≤ ${limit})`);
try {
  for (const unclosed of [false, true]) {
    const label = unclosed ? "5,000 lines, last block unclosed" : "5,000 lines, well-formed";
    const { latencies, byKind, unpublished, completion, hover, serverCpuPerEdit, cpuPerEdit, notServerCpu, clientCpu, serverWaitingForCore } = await keystrokes(dir, unclosed);
    console.log(`keystroke → diagnostics, ${label} (${latencies.length} edits, ${ROUNDS} rounds): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}${unpublished ? `; ${unpublished} edits got no publication` : ""}`);
    console.log(`  server CPU per edit (user + system, mean over all edits; load-independent): ${ms(serverCpuPerEdit)}`);
    const later = cpuPerEdit.slice(5 * 11);
    console.log(`  server main-thread CPU per edit, from keystroke to publication (load-independent): p50 ${ms(percentile(cpuPerEdit, 50))}, p99 ${ms(percentile(cpuPerEdit, 99))}, max ${ms(Math.max(...cpuPerEdit))}; after the first 5 rounds p99 ${ms(percentile(later, 99))}; the first keystroke ${ms(cpuPerEdit[0])}`);
    console.log(`  wall time beyond the server's main-thread CPU (waiting for a core, GC helper threads, the pipe, the client): p50 ${ms(percentile(notServerCpu, 50))}, p99 ${ms(percentile(notServerCpu, 99))}, of which the server's main thread waited for a core p50 ${ms(percentile(serverWaitingForCore, 50))}, p99 ${ms(percentile(serverWaitingForCore, 99))}; the bench client's own main-thread CPU per edit: p50 ${ms(percentile(clientCpu, 50))}, p99 ${ms(percentile(clientCpu, 99))}`);
    for (const [kind, xs] of byKind) console.log(`  ${kind.padEnd(24)} n=${String(xs.length).padStart(3)}  p50 ${ms(percentile(xs, 50))}  max ${ms(Math.max(...xs))}`);
    console.log(`hover (${hover.length} requests, first ${ms(hover[0])}): p50 ${ms(percentile(hover, 50))}, p99 ${ms(percentile(hover, 99))}`);
    console.log(`completion (${completion.length} requests, first ${ms(completion[0])}): p50 ${ms(percentile(completion, 50))}, p99 ${ms(percentile(completion, 99))}`);
    target(`keystroke → diagnostics p99, ${label}`, ms(percentile(latencies, 99)), percentile(latencies, 99) + (unpublished ? Infinity : 0), 20);
    target(`hover p99 incl. first, ${label}`, ms(percentile(hover, 99)), percentile(hover, 99), 10);
    target(`completion p99 incl. first, ${label}`, ms(percentile(completion, 99)), percentile(completion, 99), 10);
  }
  const { times: local, cpu: localCpu } = inProcess(dir);
  console.log(`the check alone, in-process, digit typed/deleted (${local.length} edits): p50 ${ms(percentile(local, 50))}, p99 ${ms(percentile(local, 99))}; CPU p50 ${ms(percentile(localCpu, 50))}, p99 ${ms(percentile(localCpu, 99))}`);
  const { rssMb, settle } = await pairedRss(dir);
  console.log(`server RSS with 100 paired files open (50 MASTER/BACKUP pairs): ${rssMb.toFixed(1)} MB (all diagnostics in ${ms(settle)})`);
  target("server RSS with 100 paired files open", `${rssMb.toFixed(1)} MB`, rssMb, 100);
  if (!process.env.BENCH_NO_VSIX) {
    const { file, kb } = vsixSize();
    console.log(`${file}: ${kb.toFixed(1)} KB (limit 1024 KB)`);
  }
  console.log("\n" + rows.join("\n"));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
