// Bundles the CLI, the language server and the VS Code client with esbuild.
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";

// Graphviz (@viz-js/viz, 1.6 MB) is its own file, dist/viz.js, loaded only when a picture is drawn:
// the CLI and the server would otherwise compile it on every start.
const vizApart = {
  name: "viz-apart",
  setup(build) {
    build.onResolve({ filter: /^@viz-js\/viz$/ }, () => ({ path: "./viz.js", external: true }));
    // import() becomes require(), so a bundle also runs from a V8 code cache (bin/ loaders).
    build.initialOptions.supported = { "dynamic-import": false };
  },
};
// yaml and nunjucks (450 KB) serve Ansible projects only and load on first use
// (core/template/ansible/lazyModules.ts): they are dist/ansible-libs.js, so the CLI and the server do
// not read and hold their source on every start.
const ansibleApart = {
  name: "ansible-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/ansibleLibs$/ }, () => ({ path: "./ansible-libs.js", external: true }));
  },
};
// Only Chevrotain's lexer is used (the tree is built from its tokens, docs/decisions/tree-from-tokens.md):
// the CLI and the server take Lexer and createToken from the library's own lexer modules, so their
// bundles leave out its parser half and the work it does on start-up (class mixins, grammar tables).
const chevrotainSource = path.dirname(createRequire(import.meta.url).resolve("chevrotain"));
const chevrotainLexerOnly = {
  name: "chevrotain-lexer-only",
  setup(build) {
    build.onResolve({ filter: /^chevrotain$/ }, () => ({ path: "chevrotain-lexer", namespace: "chevrotain-lexer" }));
    build.onLoad({ filter: /.*/, namespace: "chevrotain-lexer" }, () => ({
      contents: `export { Lexer } from ${JSON.stringify(path.join(chevrotainSource, "scan/lexer_public.js"))};\nexport { createToken } from ${JSON.stringify(path.join(chevrotainSource, "scan/tokens_public.js"))};\n`,
      resolveDir: chevrotainSource,
      loader: "js",
    }));
  },
};
const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, minify: process.argv.includes("--minify"), logLevel: "warning" };
const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", plugins: [vizApart, chevrotainLexerOnly, ansibleApart] },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.js", plugins: [vizApart, chevrotainLexerOnly, ansibleApart] },
  { entryPoints: ["server/src/core/template/ansible/ansibleLibs.ts"], outfile: "dist/ansible-libs.js" },
  { entryPoints: ["server/src/cli/cachedCheck.ts"], outfile: "dist/cli-cache.js" },
  { entryPoints: [createRequire(import.meta.url).resolve("@viz-js/viz")], outfile: "dist/viz.js", sourcemap: false },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
];
await Promise.all(
  entries.filter((e) => fs.existsSync(e.entryPoints[0])).map((e) => esbuild.build({ ...common, format: "cjs", ...e })),
);

// esbuild writes ASCII, escaping strings and identifiers, but keeps some comments as written. One
// character above U+00FF makes V8 hold the whole bundle's source two bytes per character (the server's
// 1.9 MB source took 3.7 MB of heap for two arrows in a comment): such characters become "?" (same length,
// so the source maps still fit).
for (const out of ["dist/cli.js", "dist/server.js", "dist/cli-cache.js"]) {
  const text = fs.readFileSync(out, "utf8");
  if (/[^\x00-\xff]/.test(text)) fs.writeFileSync(out, text.replace(/[^\x00-\xff]/g, (c) => "?".repeat(c.length)));
}

// The TextMate grammar is generated from the schema: bundle the generator, run it, write the JSON.
const gen = await esbuild.build({ ...common, sourcemap: false, minify: false, format: "cjs", entryPoints: ["server/src/core/schema/textmate.ts"], write: false });
const mod = { exports: {} };
new Function("module", "exports", "require", gen.outputFiles[0].text)(mod, mod.exports, (await import("module")).createRequire(import.meta.url));
fs.mkdirSync("syntaxes", { recursive: true });
fs.writeFileSync("syntaxes/keepalived.tmLanguage.json", JSON.stringify(mod.exports.generateGrammar(), null, 2) + "\n");

// The topology webview sanitizes the SVG with DOMPurify inside the page: ship its browser build
// beside the page scripts (loaded under the page's CSP nonce, like them).
fs.mkdirSync("client/media/vendor", { recursive: true });
fs.copyFileSync("node_modules/dompurify/dist/purify.min.js", "client/media/vendor/purify.min.js");
