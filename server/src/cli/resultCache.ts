// `check --cache`: a repeated run over unchanged files prints the stored result instead of checking
// again, like `eslint --cache`. An entry is keyed by a hash of the tool version, the options, the
// working directory and the files named; it is valid while every observation the run made through
// its FileAccess (each file read, each folder listed, each existence test) gives the same answer,
// so an edited include, a new file matching an include glob or a script that appeared all miss.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { FileAccess } from "../core/config/files";

const FORMAT = 1;
/** Entries kept per cache file (one per distinct command line), newest first. */
const MAX_ENTRIES = 16;

type Observation = [method: string, args: unknown[], digest: string];

interface Entry {
  key: string;
  observations: Observation[];
  output: string;
  exitCode: number;
}

interface CacheFile {
  format: number;
  entries: Entry[];
}

function digest(value: unknown): string {
  const h = crypto.createHash("sha256");
  h.update(typeof value === "string" ? `s${value}` : `j${JSON.stringify(value ?? null)}`);
  return h.digest("base64");
}

export function cacheKey(parts: unknown): string {
  return digest(parts);
}

/** A FileAccess that remembers what each call answered (as a hash), for the cache entry. */
export function recordingAccess(under: FileAccess): { access: FileAccess; observations: Observation[] } {
  const observations: Observation[] = [];
  const seen = new Set<string>();
  const access = {} as Record<string, unknown>;
  for (const name of Object.keys(under) as (keyof FileAccess)[]) {
    const method = under[name] as unknown as (...args: unknown[]) => unknown;
    if (typeof method !== "function") continue;
    access[name] = (...args: unknown[]) => {
      const result = method.apply(under, args);
      const id = `${name}\u0000${JSON.stringify(args)}`;
      if (!seen.has(id)) {
        seen.add(id);
        observations.push([name, args, digest(result)]);
      }
      return result;
    };
  }
  return { access: access as unknown as FileAccess, observations };
}

function stillValid(entry: Entry, under: FileAccess): boolean {
  for (const [name, args, expected] of entry.observations) {
    const method = (under as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof method !== "function") return false;
    if (digest(method.apply(under, args)) !== expected) return false;
  }
  return true;
}

function readCache(file: string): CacheFile {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile;
    if (data.format === FORMAT && Array.isArray(data.entries)) return data;
  } catch {
    /* absent or unreadable: start afresh */
  }
  return { format: FORMAT, entries: [] };
}

export interface CachedResult {
  output: string;
  exitCode: number;
}

/** The stored result for this key, if every file and folder it depended on is unchanged. */
export function lookup(cacheFile: string, key: string, under: FileAccess): CachedResult | undefined {
  const entry = readCache(cacheFile).entries.find((e) => e.key === key);
  return entry && stillValid(entry, under) ? { output: entry.output, exitCode: entry.exitCode } : undefined;
}

/** Stores a result; a cache that cannot be written only costs the next run its speed-up. */
export function store(cacheFile: string, key: string, observations: Observation[], result: CachedResult): void {
  const data = readCache(cacheFile);
  data.entries = [{ key, observations, ...result }, ...data.entries.filter((e) => e.key !== key)].slice(0, MAX_ENTRIES);
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, cacheFile);
  } catch {
    /* read-only location */
  }
}
