// Per diagnostic code: on how many real-world files it fires (the noise measure of
// docs/decisions/severity-policy.md). configs/ is checked as one folder, each cluster of clusters/
// as its own workspace, as an operator would open them. Usage: node scripts/rule-share.mjs [REPO_DIR]
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const repo = path.resolve(process.argv[2] ?? ".");
const corpus = path.resolve(repo, "..", "shared", "corpus", "real-world");
if (!fs.existsSync(corpus)) {
  console.error(`no real-world corpus at ${corpus}`);
  process.exit(1);
}
const clusters = path.join(corpus, "clusters");
const runs = [path.join(corpus, "configs"), ...fs.readdirSync(clusters).map((c) => path.join(clusters, c)).filter((p) => fs.statSync(p).isDirectory())];
const filesByCode = new Map();
const counts = new Map();
const checked = new Set();
for (const dir of runs) {
  const r = spawnSync(process.execPath, [path.join(repo, "bin", "keepalived-lint.js"), "check", "--format", "json", dir], { encoding: "utf8", maxBuffer: 1 << 26 });
  for (const d of JSON.parse(r.stdout).diagnostics) {
    if (!filesByCode.has(d.code)) filesByCode.set(d.code, new Set());
    filesByCode.get(d.code).add(d.file);
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  const walk = (p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).forEach((n) => walk(path.join(p, n))) : p.endsWith(".conf") && checked.add(p));
  walk(dir);
}
console.log(`${checked.size} files`);
for (const [code, files] of [...filesByCode].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`${code.padEnd(26)} ${String(files.size).padStart(4)} files ${((100 * files.size) / checked.size).toFixed(0).padStart(3)} %  ${String(counts.get(code)).padStart(4)} findings`);
}
