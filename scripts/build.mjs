// Bundles the CLI, the language server and the VS Code client with esbuild.
import * as esbuild from "esbuild";
import * as fs from "fs";

const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, minify: process.argv.includes("--minify"), logLevel: "warning" };
const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js" },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
];
await Promise.all(
  entries.filter((e) => fs.existsSync(e.entryPoints[0])).map((e) => esbuild.build({ ...common, format: "cjs", ...e })),
);
