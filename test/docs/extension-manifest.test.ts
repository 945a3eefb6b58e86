// What the Marketplace and VS Code read from the package: an icon, keywords, a changelog, a README
// whose pictures ship in the .vsix, a walkthrough whose steps and media exist, no made-up address,
// and a description with an example for every setting.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO } from "../helpers";

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));

function packagedFiles(): string[] {
  const r = spawnSync(process.execPath, [path.join(REPO, "node_modules", "@vscode", "vsce", "vsce"), "ls", "--no-dependencies"], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

test("icon is a 128x128 PNG, keywords and changelog are there, no placeholder address", () => {
  const icon = fs.readFileSync(path.join(REPO, pkg.icon));
  assert.equal(icon.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  assert.ok(pkg.keywords.includes("keepalived") && pkg.keywords.includes("vrrp"));
  assert.match(fs.readFileSync(path.join(REPO, "CHANGELOG.md"), "utf8"), /^# Changelog/);
  const manifest = JSON.stringify(pkg);
  assert.doesNotMatch(manifest, /github\.com\/keepalived-tools/, "a repository address that does not exist");
  assert.doesNotMatch(fs.readFileSync(path.join(REPO, "README.md"), "utf8"), /github\.com\/keepalived-tools/);
});

test("the .vsix ships the README's pictures, the walkthrough media, the diagnostics doc and the CLI", () => {
  const files = new Set(packagedFiles());
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(pictures.length >= 4);
  const media = pkg.contributes.walkthroughs.flatMap((w: { steps: { media: { image?: string; markdown?: string } }[] }) => w.steps.map((s) => s.media.image ?? s.media.markdown));
  // What the shipped CLI (the task provider runs it) loads: its launcher's own requires and bundles.
  const launcher = fs.readFileSync(path.join(REPO, "bin", "keepalived-lint.js"), "utf8");
  const cli = [
    "bin/keepalived-lint.js",
    ...[...launcher.matchAll(/require\("\.\/([\w-]+)"\)/g)].map((m) => `bin/${m[1]}.js`),
    ...[...launcher.matchAll(/\$\{dist\}\/([\w-]+\.js)/g)].map((m) => `dist/${m[1]}`),
  ];
  assert.ok(cli.includes("dist/cli.js"), cli.join(", "));
  for (const f of [...pictures, ...media, "docs/diagnostics.md", ...cli, "dist/viz.js", "dist/ansible-libs.js", "CHANGELOG.md", pkg.icon]) {
    assert.ok(fs.existsSync(path.join(REPO, f)), `${f} does not exist`);
    assert.ok(files.has(f), `${f} is not in the .vsix`);
  }
});

test("walkthrough steps link to commands that exist; every setting explains itself with an example", () => {
  const ours = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const builtIn = new Set(["workbench.action.files.openFolder", "workbench.actions.view.problems"]);
  for (const w of pkg.contributes.walkthroughs)
    for (const step of w.steps) {
      const commands = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m: RegExpMatchArray) => m[1]);
      assert.ok(commands.length, `${step.id} has no action`);
      for (const c of commands) assert.ok(ours.has(c) || builtIn.has(c), `${step.id}: unknown command ${c}`);
    }
  for (const [name, spec] of Object.entries(pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>)) {
    const text = spec.markdownDescription ?? spec.description ?? "";
    assert.ok(text.length > 40, `${name} has no real description`);
    assert.match(text, /e\.g\./, `${name}: no example`);
  }
});
