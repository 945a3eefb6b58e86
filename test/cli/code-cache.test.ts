import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
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
