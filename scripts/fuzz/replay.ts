// `node out/scripts/fuzz/replay.js DIR…`: checks the reproducers a campaign wrote (JSON: kind, detail,
// files) again, in this process, and prints what each still finds and how long it took; exit 1 if
// any still finds something. Hangs are replayed too (run it under `timeout` for those).
import * as fs from "fs";
import * as path from "path";
import { checkFiles } from "./check";

let still = 0;
for (const dir of process.argv.slice(2)) {
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "summary.json").sort()) {
    const { files } = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    const started = performance.now();
    const findings = checkFiles(files);
    const ms = Math.round(performance.now() - started);
    if (findings.length) still++;
    console.log(`${path.join(dir, name)}: ${findings.length ? findings.map((f) => `${f.kind}: ${f.message.split("\n")[0].slice(0, 160)}`).join("; ") : "clean"} (${ms} ms)`);
  }
}
process.exitCode = still ? 1 : 0;
