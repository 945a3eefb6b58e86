// Nothing from a config is ever executed: the language core (shared by the server, the CLI in CI and
// other editors) must not be able to start a process or run code, whatever a file says.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { REPO } from "../helpers";

/** Node modules that start processes or run code outside the module graph. */
const FORBIDDEN = new Set(["child_process", "cluster", "worker_threads", "vm", "inspector", "repl"]);
/** Calls that run a string as code, load native code or reach another process. */
const FORBIDDEN_CALLS = new Set(["eval", "Function", "process.binding", "process.dlopen", "process.kill", "process.execve"]);

function moduleName(spec: string): string {
  return spec.replace(/^node:/, "").split("/")[0];
}

/** Module specifiers a file imports, exports from or requires, and the code-running calls in it. */
export function dangerousUses(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    let spec: string | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) spec = node.moduleSpecifier.text;
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) spec = node.moduleReference.expression.text;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      if ((callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) && arg) {
        spec = ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : "<computed module name>";
      }
      if (FORBIDDEN_CALLS.has(callee.getText(sf))) found.push(`${callee.getText(sf)}(...)`);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Function") found.push("new Function");
    if (spec !== undefined && (FORBIDDEN.has(moduleName(spec)) || spec === "<computed module name>")) found.push(spec);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs|cjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

test("the detector sees every way of reaching a process or running code", () => {
  const samples = [
    'import { spawn } from "child_process";',
    'import * as cp from "node:child_process";',
    'export { exec } from "child_process";',
    'import cp = require("child_process");',
    'const cp = require("child_process");',
    'const w = await import("node:worker_threads");',
    "const m = require(name);",
    'eval("1");',
    'const f = new Function("return 1");',
    "process.binding('spawn_sync');",
  ];
  for (const s of samples) assert.notDeepEqual(dangerousUses("x.ts", s), [], s);
  assert.deepEqual(dangerousUses("x.ts", 'import * as fs from "fs";\nconst evaluate = (x: number) => x;\n// child_process in a comment\nconst s = "require(\'child_process\')";'), []);
});

test("nothing in server/src/core can start a process or run code", () => {
  const core = path.join(REPO, "server", "src", "core");
  const files = sourcesUnder(core);
  assert.ok(files.length > 50, `found only ${files.length} core sources`);
  const offenders = files.flatMap((f) => dangerousUses(f, fs.readFileSync(f, "utf8")).map((u) => `${path.relative(REPO, f)}: ${u}`));
  assert.deepEqual(offenders, []);
});
