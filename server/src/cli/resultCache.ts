// `check --cache`: a repeated run over unchanged files prints the stored result instead of checking
// again, like `eslint --cache`. An entry is keyed by the tool version and build, the options, the working
// directory and the files named; it is valid while every observation the run made through its
// FileAccess (each file read, each folder listed, each existence test) gives the same answer,
// so an edited include, a new file matching an include glob or a script that appeared all miss.
// A file read is also remembered by its stat: while that is unchanged the file is not read again
// (docs/decisions/cache-by-stat.md), so a hit costs a stat per file, not a read and a hash.
// The file is one line of JSON (keys, observations, exit codes, output sizes) and then the outputs'
// bytes, so a hit decodes none of them: it prints its own as read (docs/decisions/cache-file-layout.md).
import * as fs from "fs";
import * as path from "path";
import { readHead, type FileAccess } from "../core/config/files";
import { writeBytes } from "./writeOut";

const FORMAT = 3;
/** Entries kept per cache file (one per distinct command line), newest first. */
const MAX_ENTRIES = 16;
/** A file changed this recently may change again within the same timestamp tick: not trusted by stat. */
const RACY_MS = 1000;

/** What identifies a file's content without reading it: device, inode, size, modification and change times. */
type FileStat = [dev: number, ino: number, size: number, mtimeMs: number, ctimeMs: number];

type Observation = [method: string, args: unknown[], digest: string, stat?: FileStat];

interface Entry {
  key: string;
  observations: Observation[];
  output: Uint8Array;
  exitCode: number;
}

interface CacheFile {
  format: number;
  entries: Entry[];
}

/** An entry as the header line holds it: its output is the next `size` bytes after the header. */
type StoredEntry = Omit<Entry, "output"> & { size: number };

/** Short answers are kept as they are; long ones (file texts) as a SHA-256 (crypto loads only then). */
function digest(value: unknown): string {
  const text = typeof value === "string" ? `s${value}` : `j${JSON.stringify(value ?? null)}`;
  if (text.length <= 256) return text;
  const { createHash } = require("crypto") as typeof import("crypto");
  return "#" + createHash("sha256").update(text).digest("base64");
}

function statOf(file: unknown, now: number): FileStat | undefined {
  if (typeof file !== "string") return undefined;
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || now - Math.max(st.mtimeMs, st.ctimeMs) < RACY_MS) return undefined;
    return [st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs];
  } catch {
    return undefined;
  }
}

function sameStat(a: FileStat | undefined, b: FileStat | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

export function cacheKey(parts: unknown): string {
  return JSON.stringify(parts);
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
      const id = `${name}\u0000${JSON.stringify(args)}`;
      const first = !seen.has(id);
      // The stat comes before the read: a change after it shows in the stat next time.
      const stat = first && name === "read" ? statOf(args[0], Date.now()) : undefined;
      const result = method.apply(under, args);
      if (first) {
        seen.add(id);
        observations.push(stat ? [name, args, digest(result), stat] : [name, args, digest(result)]);
      }
      return result;
    };
  }
  return { access: access as unknown as FileAccess, observations };
}

/** Whether every observation still holds; `refreshed` gets the stats of files that are no longer racy. */
function stillValid(observations: Observation[], under: FileAccess): { valid: boolean; refreshed: boolean } {
  const now = Date.now();
  let refreshed = false;
  for (const observation of observations) {
    const [name, args, expected, stat] = observation;
    const method = (under as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof method !== "function") return { valid: false, refreshed };
    const current = name === "read" ? statOf(args[0], now) : undefined;
    if (stat && sameStat(stat, current)) continue;
    if (digest(method.apply(under, args)) !== expected) return { valid: false, refreshed };
    if (current && !sameStat(stat, current)) (observation[3] = current), (refreshed = true);
  }
  return { valid: true, refreshed };
}

function readCache(file: string): CacheFile {
  const fd = openRegular(file);
  if (fd === undefined) return empty();
  try {
    const bytes = fs.readFileSync(fd);
    // JSON.stringify escapes line breaks, so the first one ends the header.
    const headerEnd = bytes.indexOf(10);
    if (headerEnd < 0) return empty();
    const header = JSON.parse(bytes.toString("utf8", 0, headerEnd)) as { format?: unknown; entries?: StoredEntry[] };
    if (header.format !== FORMAT || !Array.isArray(header.entries)) return empty();
    const entries: Entry[] = [];
    let at = headerEnd + 1;
    for (const { size, ...rest } of header.entries) {
      if (!Number.isSafeInteger(size) || size < 0 || at + size > bytes.length) return empty(); // cut short
      entries.push({ ...rest, output: bytes.subarray(at, at + size) });
      at += size;
    }
    return { format: FORMAT, entries };
  } catch {
    /* unreadable: start afresh */
  } finally {
    fs.closeSync(fd);
  }
  return empty();
}

function empty(): CacheFile {
  return { format: FORMAT, entries: [] };
}

export interface CachedResult {
  exitCode: number;
  /** The stored report's bytes (UTF-8), read from the cache file. */
  readOutput(): Buffer;
  /** Copies the stored report to `fd` a piece at a time, as stored; false when the reader went away. */
  copyTo(fd: number): boolean;
}

/** Bytes read at a time from a cache file: a hit never holds a whole report (a fresh 0.9 MB buffer's page faults were a third of a hit's own time). */
const PIECE = 64 * 1024;
/** A header longer than this is not one of ours. */
const MAX_HEADER = 64 * 1024 * 1024;

/** Opens a cache file that is a regular file, without blocking on a FIFO put in its place. */
function openRegular(file: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (fs.fstatSync(fd).isFile()) return fd;
  } catch {
    /* absent or unreadable */
  }
  if (fd !== undefined) fs.closeSync(fd);
  return undefined;
}

/** The header line of the cache file open as `fd` and where its first output starts, read in pieces up to its line break. */
function readHeader(fd: number): { entries: StoredEntry[]; start: number } | undefined {
  const pieces: Buffer[] = [];
  let length = 0;
  for (;;) {
    const piece = Buffer.allocUnsafe(PIECE);
    const n = fs.readSync(fd, piece, 0, PIECE, length);
    if (n === 0) return undefined;
    // JSON.stringify escapes line breaks, so the first one ends the header.
    const end = piece.subarray(0, n).indexOf(10);
    pieces.push(piece.subarray(0, end < 0 ? n : end));
    if (end >= 0) {
      const header = JSON.parse(Buffer.concat(pieces).toString("utf8")) as { format?: unknown; entries?: StoredEntry[] };
      if (header.format !== FORMAT || !Array.isArray(header.entries)) return undefined;
      return { entries: header.entries, start: length + end + 1 };
    }
    length += n;
    if (length > MAX_HEADER) return undefined;
  }
}

/**
 * The stored result for this key, if every file and folder it depended on is unchanged. Reads the
 * header and, when asked, that entry's bytes, from one open file: a run storing meanwhile renames a
 * new file into place and leaves this one whole.
 */
export function lookup(cacheFile: string, key: string, under: FileAccess): CachedResult | undefined {
  const fd = openRegular(cacheFile);
  if (fd === undefined) return undefined;
  let handedOver = false;
  try {
    const header = readHeader(fd);
    if (!header) return undefined;
    let at = header.start;
    let found: StoredEntry | undefined;
    for (const e of header.entries) {
      if (!Number.isSafeInteger(e.size) || e.size < 0) return undefined;
      if (e.key === key) {
        found = e;
        break;
      }
      at += e.size;
    }
    if (!found || at + found.size > fs.fstatSync(fd).size) return undefined; // absent, or the file is cut short
    const { valid, refreshed } = stillValid(found.observations, under);
    if (!valid) return undefined;
    // Files read just before the entry was stored were checked by content; now their stat can stand in.
    if (refreshed) refreshStats(cacheFile, key, found.observations);
    handedOver = true;
    return storedResult(fd, at, found.size, found.exitCode);
  } catch {
    return undefined;
  } finally {
    if (!handedOver) fs.closeSync(fd);
  }
}

/** A valid entry's output, `size` bytes at `offset` of the open cache file `fd`, which is closed once the output is read. */
function storedResult(fd: number, offset: number, size: number, exitCode: number): CachedResult {
  let open = true;
  const done = () => {
    if (open) (open = false), fs.closeSync(fd);
  };
  return {
    exitCode,
    readOutput() {
      try {
        const out = Buffer.allocUnsafe(size);
        for (let got = 0; got < size; ) {
          const n = fs.readSync(fd, out, got, size - got, offset + got);
          if (n === 0) return out.subarray(0, got);
          got += n;
        }
        return out;
      } finally {
        done();
      }
    },
    copyTo(to: number) {
      try {
        const piece = Buffer.allocUnsafe(Math.min(PIECE, size));
        for (let copied = 0; copied < size; ) {
          const n = fs.readSync(fd, piece, 0, Math.min(piece.length, size - copied), offset + copied);
          if (n === 0) return true;
          if (!writeBytes(to, piece.subarray(0, n))) return false;
          copied += n;
        }
        return true;
      } finally {
        done();
      }
    },
  };
}

/** Stores the refreshed stats of entry `key` (the whole file is rewritten: rare, the first hit after a racy store). */
function refreshStats(cacheFile: string, key: string, observations: Observation[]): void {
  const data = readCache(cacheFile);
  const entry = data.entries.find((e) => e.key === key);
  if (!entry) return;
  entry.observations = observations;
  write(cacheFile, data);
}

/**
 * Stores a result; a cache that cannot be written only costs the next run its speed-up. Answers why
 * nothing was stored when `cacheFile` names something that is not a cache (`--cache-location` given a
 * config, a FIFO or a device): that is left as it is.
 */
export function store(cacheFile: string, key: string, observations: Observation[], result: { output: string; exitCode: number }): string | undefined {
  const refused = whyNotACache(cacheFile);
  if (refused) return refused;
  const data = readCache(cacheFile);
  const entry: Entry = { key, observations, output: Buffer.from(result.output, "utf8"), exitCode: result.exitCode };
  data.entries = [entry, ...data.entries.filter((e) => e.key !== key)].slice(0, MAX_ENTRIES);
  write(cacheFile, data);
  return undefined;
}

/** What every cache file of ours, of any format, starts with. */
const CACHE_START = '{"format":';

/** Why `file` may not be replaced by a cache file, if it may not: only nothing, an empty file or a cache file of ours may. */
function whyNotACache(file: string): string | undefined {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (!st.isFile()) return `${file} is not a regular file`;
  if (st.size === 0) return undefined;
  const start = readHead(file, CACHE_START.length);
  if (start === undefined) return `${file} cannot be read`;
  return start === CACHE_START ? undefined : `${file} holds something other than a keepalived-lint cache`;
}

function write(cacheFile: string, data: CacheFile): void {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    const entries: StoredEntry[] = data.entries.map(({ output, ...rest }) => ({ ...rest, size: output.length }));
    const header = Buffer.from(JSON.stringify({ format: FORMAT, entries }) + "\n", "utf8");
    fs.writeFileSync(tmp, Buffer.concat([header, ...data.entries.map((e) => e.output)]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    /* read-only location */
  }
}
