// Runs every compiled *.test.js under out/test (or under the folders given) with Node's test runner.
// Node 20 has no glob support in `node --test`, and a bare folder would also run helper modules.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["out/test"];
const files = [];
const walk = (p) => {
  const st = fs.statSync(p);
  if (st.isDirectory()) for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
  else if (p.endsWith(".test.js")) files.push(p);
};
roots.forEach(walk);
if (!files.length) {
  console.error(`no *.test.js under ${roots.join(" ")}: compile first (npx tsc -p .)`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
