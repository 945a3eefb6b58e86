// keepalived-lint: the core's checks, explanations and (as they land) topology and comparison, for CI.
import { toJson, toSarif, toText, writeJson } from "./formats";
import { explainKeyword } from "../core/schema/explain";
import { version } from "../../../package.json";
import { runSimulate, SIMULATE_USAGE } from "./simulate";
import { renderTopology, TOPOLOGY_FORMATS } from "./topology";
import { runCompare, COMPARE_USAGE } from "./compare";
import { runFormat, FORMAT_USAGE } from "./format";
import { runFirewall, FIREWALL_USAGE } from "./firewall";
import { runImpact, IMPACT_USAGE } from "./impact";
import { runRender, RENDER_USAGE } from "./render";
import { recordingAccess, store } from "./resultCache";
import { CHECK_FLAGS, CHECK_VALUED, cachedCheck } from "./cachedCheck";
import { diskAccess, FileAccess } from "../core/config/files";
import { InputError, UsageError, parseArgs, ParsedArgs } from "./args";

import { buildWorkspace, configFilesOf } from "./buildWorkspace";
import { writeOut } from "./writeOut";
/** For the launcher's cache replay (dist/cli-cache.js), which leaves the folder walk to this bundle. */
export { collectConfigFiles } from "./findConfigs";

const USAGE = `usage:
  keepalived-lint check [--format text|json|sarif] [--include-root DIR]... [--target-version X.Y.Z] [--inventory INV] [--firewall-hints] [--verbose] [--cache] [--cache-location PATH] PATH...
  keepalived-lint explain KEYWORD
  ${SIMULATE_USAGE}
  ${COMPARE_USAGE}
  ${FORMAT_USAGE}
  ${FIREWALL_USAGE}
  ${IMPACT_USAGE}
  ${RENDER_USAGE}
  keepalived-lint topology [--format svg|dot|mermaid|json] [--fail NODE_OR_SCRIPT]... [--include-root DIR]... [--inventory INV] PATH...`;

function runCheck(argv: string[], out: (s: string) => void, err?: (s: string) => void): number {
  const args = parseArgs(argv, CHECK_VALUED, CHECK_FLAGS);
  const format = args.options.get("format")?.[0] ?? "text";
  if (!["text", "json", "sarif"].includes(format)) throw new UsageError(`unknown format '${format}' (text, json or sarif)`);
  const target = args.options.get("target-version")?.[0];
  if (target !== undefined && !/^\d+(\.\d+){0,2}$/.test(target)) throw new UsageError(`--target-version wants X.Y.Z, not '${target}'`);
  const files = configFilesOf(args, err);
  const render = (access?: FileAccess) => {
    const diags = buildWorkspace(args, access, files).diagnostics();
    const output = format === "json" ? toJson(diags) : format === "sarif" ? toSarif(diags, version) : toText(diags);
    return { output, exitCode: diags.some((d) => d.severity === "error") ? 1 : 0 };
  };
  // Rendering templates per host reads the inventory outside the recorded file access: no cache then.
  if (!args.flags.has("cache") || args.options.has("inventory")) {
    if (format === "json") {
      // Written as it is made: a large report is never held whole (formats.ts).
      const diags = buildWorkspace(args, undefined, files).diagnostics();
      writeJson(diags, out);
      return diags.some((d) => d.severity === "error") ? 1 : 0;
    }
    const result = render();
    out(result.output);
    return result.exitCode;
  }
  const { cacheFile, key, hit } = cachedCheck(args, files);
  if (hit) {
    out(hit.readOutput().toString("utf8"));
    return hit.exitCode;
  }
  const recording = recordingAccess(diskAccess);
  const result = render(recording.access);
  const refused = store(cacheFile, key, recording.observations, result);
  if (refused) err?.(`keepalived-lint: --cache: nothing stored, as ${refused} (left as it is)\n`);
  out(result.output);
  return result.exitCode;
}

async function runTopology(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ["format", "fail", "include-root", "target-version", "inventory"], []);
  const format = args.options.get("format")?.[0] ?? "svg";
  if (!(TOPOLOGY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' (${TOPOLOGY_FORMATS.join(", ")})`);
  out(await renderTopology(buildWorkspace(args), args, err));
  return 0;
}

/** Commands that finish asynchronously (rendering) go through here; the rest through `run`. */
export async function runAsync(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] !== "topology") return run(argv, out, err);
  try {
    return await runTopology(argv, out, err);
  } catch (e) {
    return reportError(e, err);
  }
}

function reportError(e: unknown, err: (s: string) => void): number {
  if (e instanceof InputError) {
    err(`keepalived-lint: ${e.message}\n`);
    return 2;
  }
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
        return runCheck(argv, out, err);
      case "simulate":
        return runSimulate(argv, out);
      case "compare":
        return runCompare(argv, out);
      case "format":
        return runFormat(argv, out, err);
      case "firewall":
        return runFirewall(argv, out);
      case "impact":
        return runImpact(argv, out);
      case "render":
        return runRender(argv, out, err);
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
  // `keepalived-lint check . | head`: writeOut stops quietly when the reader goes away, as other tools do.
  // Pieces of output (a JSON report comes a diagnostic at a time) are gathered into writes of ~8 KB;
  // what is pending goes out before any message on stderr, so the two keep their order.
  let pending = "";
  const flush = () => {
    if (pending) writeOut(1, pending);
    pending = "";
  };
  const out = (s: string) => {
    pending += s;
    if (pending.length >= 8192) flush();
  };
  const err = (s: string) => {
    flush();
    writeOut(2, s);
  };
  void runAsync(process.argv.slice(2), out, err).then((code) => {
    flush();
    process.exitCode = code;
  });
}
