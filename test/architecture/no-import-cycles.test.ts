// No module imports itself back through others: a cycle makes load order decide what is undefined,
// and it tangles layers (the CLI's subcommands and main, expansion and re-nesting had one each).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../helpers";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
}

/** Relative imports and re-exports of a file (type-only ones too), resolved to files. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+"(\.[^"]+)"/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const found = [`${base}.ts`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
    if (found) out.push(found);
  }
  return out;
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === "open") found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

test("the server, the core and the client have no import cycles", () => {
  const files = [...sources(path.join(REPO, "server", "src")), ...sources(path.join(REPO, "client", "src"))];
  const found = cycles(files).map((c) => c.map((f) => path.relative(REPO, f)).join(" → "));
  assert.deepEqual(found, []);
});

test("the cycle finder sees a cycle when there is one", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-cycles-"));
  fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = 1;\n');
  fs.writeFileSync(path.join(dir, "b.ts"), 'import type { a } from "./a";\nexport const b = 2;\n');
  assert.equal(cycles(sources(dir)).length, 1);
  fs.rmSync(dir, { recursive: true, force: true });
});
