// How often diagnostic codes fire on the real-world corpus, with every line they fire on, so a new
// rule can be read against operators' configs before it is kept. Each configs/ file is checked alone;
// each clusters/<repo>/ folder is one workspace (its nodes pair up).
//
//   npx tsc -p . && node scripts/corpus-codes.mjs CODE...
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { Workspace } = require(path.join(REPO, "out/server/src/core/check/workspace.js"));
const { collectConfigFiles } = require(path.join(REPO, "out/server/src/cli/findConfigs.js"));
const CORPUS = path.resolve(REPO, "..", "shared", "corpus", "real-world");
const codes = process.argv.slice(2);
if (!codes.length || !fs.existsSync(CORPUS)) {
  console.error(!codes.length ? "usage: node scripts/corpus-codes.mjs CODE..." : `${CORPUS} is absent`);
  process.exit(2);
}
const counts = new Map(codes.map((c) => [c, { n: 0, units: new Set() }]));
const lines = [];
function check(unit, files) {
  const ws = new Workspace({});
  ws.addFiles(files);
  for (const d of ws.diagnostics()) {
    const c = counts.get(d.code);
    if (!c) continue;
    c.n++;
    c.units.add(unit);
    const text = fs.readFileSync(d.file, "utf8").split("\n")[d.range.start.line]?.trim();
    lines.push(`${d.code} ${d.severity} ${path.relative(CORPUS, d.file)}:${d.range.start.line + 1} '${text}': ${d.message}`);
  }
}
const configs = fs.readdirSync(path.join(CORPUS, "configs")).filter((f) => fs.statSync(path.join(CORPUS, "configs", f)).isFile());
for (const f of configs) check(`configs/${f}`, [path.join(CORPUS, "configs", f)]);
const clusters = fs.readdirSync(path.join(CORPUS, "clusters")).filter((c) => fs.statSync(path.join(CORPUS, "clusters", c)).isDirectory());
for (const c of clusters) check(`clusters/${c}`, collectConfigFiles([path.join(CORPUS, "clusters", c)]));
console.log(`${configs.length} configs (each alone), ${clusters.length} cluster folders`);
for (const [code, c] of counts) console.log(`${code}: ${c.n} diagnostics in ${c.units.size} of ${configs.length + clusters.length}`);
console.log(lines.join("\n"));
