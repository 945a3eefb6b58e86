// keepalived-lint: the core's checks, explanations and (as they land) topology and comparison, for CI.
import { Workspace } from "../core/check/workspace";
import { collectConfigFiles } from "./findConfigs";
import { toJson, toSarif, toText } from "./formats";
import { explainKeyword } from "../core/schema/explain";
import { version } from "../../../package.json";
import { runSimulate, SIMULATE_USAGE } from "./simulate";
import { renderTopology, TOPOLOGY_FORMATS } from "./topology";
import { runCompare, COMPARE_USAGE } from "./compare";
import { runFormat, FORMAT_USAGE } from "./format";

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  options: Map<string, string[]>;
  flags: Set<string>;
  paths: string[];
}

/** `--name value`, `--name=value` and bare `--flag`; `valued` lists the options that take a value. */
export function parseArgs(argv: string[], valued: string[], flagNames: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("--") || a === "--") {
      paths.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else if (flagNames.includes(name)) flags.add(name);
    else throw new UsageError(`unknown option --${name}`);
  }
  return { command, options, flags, paths };
}

export function buildWorkspace(args: ParsedArgs): Workspace {
  if (!args.paths.length) throw new UsageError("no PATH given");
  let files: string[];
  try {
    files = collectConfigFiles(args.paths);
  } catch (e) {
    throw new UsageError(`cannot read ${(e as NodeJS.ErrnoException).path ?? args.paths.join(" ")}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const ws = new Workspace({ includeRoots: args.options.get("include-root") ?? [], targetVersion: args.options.get("target-version")?.[0] });
  ws.addFiles(files);
  return ws;
}

const USAGE = `usage:
  keepalived-lint check [--format text|json|sarif] [--include-root DIR]... [--target-version X.Y.Z] PATH...
  keepalived-lint explain KEYWORD
  ${SIMULATE_USAGE}
  ${COMPARE_USAGE}
  ${FORMAT_USAGE}
  keepalived-lint topology [--format svg|dot|mermaid|json] [--fail NODE_OR_SCRIPT]... [--include-root DIR]... PATH...`;

function runCheck(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, ["format", "include-root", "target-version"], []);
  const format = args.options.get("format")?.[0] ?? "text";
  if (!["text", "json", "sarif"].includes(format)) throw new UsageError(`unknown format '${format}' (text, json or sarif)`);
  const target = args.options.get("target-version")?.[0];
  if (target !== undefined && !/^\d+(\.\d+){0,2}$/.test(target)) throw new UsageError(`--target-version wants X.Y.Z, not '${target}'`);
  const ws = buildWorkspace(args);
  const diags = ws.diagnostics();
  out(format === "json" ? toJson(diags) : format === "sarif" ? toSarif(diags, version) : toText(diags));
  return diags.some((d) => d.severity === "error") ? 1 : 0;
}

async function runTopology(argv: string[], out: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ["format", "fail", "include-root", "target-version"], []);
  const format = args.options.get("format")?.[0] ?? "svg";
  if (!(TOPOLOGY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' (${TOPOLOGY_FORMATS.join(", ")})`);
  out(await renderTopology(buildWorkspace(args), args));
  return 0;
}

/** Commands that finish asynchronously (rendering) go through here; the rest through `run`. */
export async function runAsync(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] !== "topology") return run(argv, out, err);
  try {
    return await runTopology(argv, out);
  } catch (e) {
    return reportError(e, err);
  }
}

function reportError(e: unknown, err: (s: string) => void): number {
  if (e instanceof UsageError) {
    err(`keepalived-lint: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  err(`keepalived-lint: internal error: ${(e as Error).stack ?? e}\n`);
  return 2;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    switch (argv[0]) {
      case "check":
        return runCheck(argv, out);
      case "simulate":
        return runSimulate(argv, out);
      case "compare":
        return runCompare(argv, out);
      case "format":
        return runFormat(argv, out, err);
      case "explain": {
        if (argv.length !== 2) throw new UsageError("explain takes one KEYWORD");
        const text = explainKeyword(argv[1]);
        if (!text) {
          err(`keepalived-lint: unknown keyword '${argv[1]}'\n`);
          return 2;
        }
        out(text);
        return 0;
      }
      case "--help":
      case "-h":
      case "help":
        out(USAGE + "\n");
        return 0;
      case "--version":
        out(version + "\n");
        return 0;
      default:
        throw new UsageError(argv[0] ? `unknown command '${argv[0]}'` : "no command given");
    }
  } catch (e) {
    return reportError(e, err);
  }
}

export function main(): void {
  // `keepalived-lint check . | head`: the reader went away; stop quietly, as other tools do.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  void runAsync(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => (process.exitCode = code));
}
