// `npm run bench`: parse+check throughput on a large generated config, our whole CLI process
// against `keepalived -t` on the same file, and (when present) the cluster and LSP benchmarks.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createRequire } from "module";

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function generate(instances, servers) {
  const out = ["global_defs {", "  router_id bench", "}"];
  for (let i = 0; i < instances; i++) {
    const a = `10.${(i >> 8) & 255}.${i & 255}`;
    out.push(
      `vrrp_instance VI_${i} {`,
      "  state BACKUP",
      // keepalived allows each VRID once per interface: spread the instances over interfaces.
      `  interface eth${Math.floor(i / 200)}`,
      `  virtual_router_id ${(i % 200) + 1}`,
      `  priority ${100 + (i % 50)}`,
      "  advert_int 1",
      "  authentication {",
      "    auth_type PASS",
      "    auth_pass pw" + (i % 1000),
      "  }",
      "  virtual_ipaddress {",
      `    ${a}.1/24`,
      "  }",
      "}",
    );
  }
  for (let i = 0; i < servers; i++) {
    const a = `172.${16 + ((i >> 8) & 15)}.${i & 255}`;
    out.push(`virtual_server ${a}.1 80 {`, "  delay_loop 6", "  lvs_sched rr", "  lvs_method NAT", "  protocol TCP");
    for (let r = 1; r <= 3; r++) {
      out.push(`  real_server ${a}.${10 + r} 80 {`, "    weight 1", "    TCP_CHECK {", "      connect_timeout 3", "    }", "  }");
    }
    out.push("}");
  }
  return out.join("\n") + "\n";
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(cmd, args, runs, options = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    spawnSync(cmd, args, { stdio: "ignore", ...options });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keepalived-bench-"));
const file = path.join(dir, "keepalived.conf");
const text = generate(2000, 2000);
fs.writeFileSync(file, text);
const mb = Buffer.byteLength(text) / 1e6;
console.log(`generated config: 2,000 vrrp_instance + 2,000 virtual_server (3 real_server each), ${mb.toFixed(2)} MB, ${text.split("\n").length} lines`);

// In-process throughput of the core (parse, expand, all single-node rules).
const { Workspace } = require(path.join(repo, "out/server/src/core/check/workspace.js"));
const inProcess = [];
for (let i = 0; i < 5; i++) {
  const ws = new Workspace({ targetVersion: "2.2.7" });
  ws.addFiles([file]);
  const t = process.hrtime.bigint();
  ws.diagnostics();
  inProcess.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const coreMs = median(inProcess);
console.log(`core parse+check: ${coreMs.toFixed(0)} ms median of 5 → ${(mb / (coreMs / 1000)).toFixed(1)} MB/s`);

const cli = path.join(repo, "bin/keepalived-lint.js");
const cliMs = timeProcess(process.execPath, [cli, "check", "--target-version", "2.2.7", file], 5);
console.log(`keepalived-lint check (whole process): ${cliMs.toFixed(0)} ms median of 5`);

const keepalived = spawnSync("sh", ["-c", "command -v keepalived"], { encoding: "utf8" }).stdout.trim();
if (keepalived) {
  const kMs = timeProcess(keepalived, ["-t", "-f", file], 5, { cwd: dir });
  console.log(`keepalived -t (whole process): ${kMs.toFixed(0)} ms median of 5`);
  console.log(`ratio ours / keepalived: ${(cliMs / kMs).toFixed(2)} (target ≤ 1.0)`);
} else {
  console.log("keepalived -t: not installed (apt-get install keepalived), no ratio");
}
fs.rmSync(dir, { recursive: true, force: true });

for (const extra of ["bench-cluster.mjs", "bench-lsp.mjs"]) {
  const p = path.join(repo, "scripts", extra);
  if (fs.existsSync(p)) {
    console.log(`\n== ${extra}`);
    execFileSync(process.execPath, [p], { stdio: "inherit" });
  }
}
