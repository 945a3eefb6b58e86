// The cache side of `check --cache`, small enough to be its own bundle (dist/cli-cache.js): the
// launcher tries it first, so a hit never loads the checker at all.
import * as fs from "fs";
import * as path from "path";
import { parseArgs, ParsedArgs } from "./args";
import type { collectConfigFiles as CollectConfigFiles } from "./findConfigs";
import { cacheKey, CachedResult, lookup } from "./resultCache";
import { diskAccess } from "../core/config/files";
import { version } from "../../../package.json";

export const CHECK_VALUED = ["format", "include-root", "target-version", "cache-location", "inventory"];
export const CHECK_FLAGS = ["cache", "firewall-hints", "verbose"];

/** Where `--cache` keeps results: `--cache-location` (a file, or a folder to put it in), else the working directory. */
function cacheFileOf(args: ParsedArgs): string {
  const location = args.options.get("cache-location")?.[0];
  const name = ".keepalived-lint-cache";
  if (!location) return path.resolve(name);
  const isDir = /[\\/]$/.test(location) || (fs.existsSync(location) && fs.statSync(location).isDirectory());
  return path.resolve(isDir ? path.join(location, name) : location);
}

/**
 * Which build of the checker stores and reads results: the size and time of the CLI bundle beside this
 * one (dist/cli.js), so a rebuild of the same version does not replay what the old build found. Empty
 * when run from the compiled sources (tests), where the version alone keys.
 */
function buildStamp(): string {
  const st = fs.statSync(path.join(__dirname, "cli.js"), { throwIfNoEntry: false });
  return st ? `${st.size}-${Math.floor(st.mtimeMs)}` : "";
}

/** The cache file, the key of this command line and the stored result if it is still valid. */
export function cachedCheck(args: ParsedArgs, files: string[]): { cacheFile: string; key: string; hit?: CachedResult } {
  const cacheFile = cacheFileOf(args);
  // Paths in the output are relative to the working directory, so it is part of the key.
  const key = cacheKey({
    version,
    build: buildStamp(),
    cwd: process.cwd(),
    format: args.options.get("format")?.[0] ?? "text",
    target: args.options.get("target-version")?.[0],
    includeRoots: args.options.get("include-root") ?? [],
    firewallHints: args.flags.has("firewall-hints"),
    files,
  });
  return { cacheFile, key, hit: lookup(cacheFile, key, diskAccess) };
}

/** What collectConfigFiles answers; the folder walk (and the keyword table it needs) is asked for only for a folder. */
function filesNamed(paths: string[], folderWalk: () => typeof CollectConfigFiles): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    if (fs.statSync(p).isDirectory()) return folderWalk()(paths);
    out.add(path.resolve(p));
  }
  return [...out];
}

/**
 * For the launcher: the stored result of `check --cache ...`, or undefined (then the full CLI runs).
 * `folderWalk` gives collectConfigFiles from the full CLI's bundle: this bundle stays without the
 * keyword schema the walk needs (171 → ~15 KB to read and compile on every hit).
 */
export function replay(argv: string[], folderWalk: () => typeof CollectConfigFiles): CachedResult | undefined {
  try {
    const args = parseArgs(argv, CHECK_VALUED, CHECK_FLAGS);
    if (args.command !== "check" || !args.flags.has("cache") || args.options.has("inventory") || args.flags.has("verbose") || !args.paths.length) return undefined;
    return cachedCheck(args, filesNamed(args.paths, folderWalk)).hit;
  } catch {
    return undefined; // usage and I/O errors get their message from the full CLI
  }
}
