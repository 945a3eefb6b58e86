// Restricted Mode: the extension says what it does in an untrusted workspace, and the commands that
// write files or run programs are hidden there and refuse to run when invoked anyway.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../helpers";
import { COMMANDS_NEEDING_TRUST } from "../../client/src/trustPolicy";

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));

test("package.json declares limited support for untrusted workspaces, with settings that reach outside it restricted", () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, "limited");
  assert.match(untrusted.description, /Restricted Mode/);
  // Settings that make the checker read outside the workspace come from the user only.
  for (const setting of ["keepalived.includeRoots", "keepalived.files"]) {
    assert.ok(manifest.contributes.configuration.properties[setting], `${setting} exists`);
    assert.ok(untrusted.restrictedConfigurations.includes(setting), `${setting} is restricted`);
  }
});

test("commands that write files or run programs are hidden in Restricted Mode and gated in code", () => {
  const declared = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
  const extension = fs.readFileSync(path.join(REPO, "client", "src", "extension.ts"), "utf8");
  for (const id of Object.keys(COMMANDS_NEEDING_TRUST)) {
    assert.ok(declared.has(id), `${id} is a declared command`);
    const menus = Object.values(manifest.contributes.menus as Record<string, { command: string; when?: string }[]>).flat().filter((m) => m.command === id);
    assert.ok(menus.length, `${id} appears in a menu`);
    for (const m of menus) assert.match(m.when ?? "", /\bisWorkspaceTrusted\b/, `${id} is hidden in Restricted Mode`);
    assert.ok(extension.includes(`registerTrustedCommand("${id}"`), `${id} is registered through the trust gate`);
    assert.ok(!extension.includes(`registerCommand("${id}"`), `${id} is not registered without it`);
  }
  // A client file that starts a program must consult the trust gate (VS Code itself holds back tasks).
  const clientSources = fs.readdirSync(path.join(REPO, "client", "src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  for (const f of clientSources) {
    const text = fs.readFileSync(path.join(REPO, "client", "src", f), "utf8");
    if (/from "(node:)?child_process"|require\("(node:)?child_process"\)/.test(text)) assert.match(text, /workspace\.isTrusted|registerTrustedCommand/, `${f} runs a program without asking for trust`);
  }
});
