// How the core reads files. The CLI reads the disk; the language server puts open editor buffers
// in front of the disk, so unsaved text is what gets checked.
import * as fs from "fs";
import * as path from "path";

export interface FileAccess {
  /** The file's text, or undefined when it cannot be read. */
  read(file: string): string | undefined;
  /** Entries of a directory (names only), or [] when it is not one. */
  list(dir: string): string[];
  isDirectory(p: string): boolean;
  /** Whether a file exists, without reading it (programs can be large). */
  exists(p: string): boolean;
  /** Why an existing path is not read ("is a FIFO", "is 3.0 GB, over the 64 MB limit"); undefined otherwise. */
  unreadable?(p: string): string | undefined;
}

/** One configuration file larger than this is not a configuration: it is refused, not read. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

type Inspection = { size: number; why?: undefined } | { why?: string };

function describeSize(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

function kindOf(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return "is a directory";
  if (st.isFIFO()) return "is a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "is a character device";
  if (st.isBlockDevice()) return "is a block device";
  if (st.isSocket()) return "is a socket";
  return "is not a regular file";
}

/**
 * Whether a path is a regular file we may read, without opening it: only regular files of sane
 * size outside /proc and /sys (whose files say size 0 and may never end) are read.
 */
function inspect(file: string, limit: number): Inspection {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { why: "is a symbolic link loop" };
    if (code === "ENOENT" || code === "ENOTDIR") return {};
    return { why: `cannot be read (${code})` };
  }
  const kind = kindOf(st);
  if (kind) return { why: kind };
  if (st.size > limit) return { why: `is ${describeSize(st.size)}, over the ${describeSize(limit)} limit for one file` };
  let real = file;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    /* stat just worked: keep the path as given */
  }
  if (/^\/(proc|sys)(\/|$)/.test(real)) return { why: `is under /${real.split("/")[1]}, whose files are not configuration` };
  return { size: st.size };
}

/**
 * Reads a regular file of at most `limit` bytes, or undefined. The file is opened non-blocking and
 * checked again on the open descriptor, so one swapped for a FIFO after the stat cannot hang us.
 */
export function readRegularFile(file: string, limit = MAX_FILE_BYTES): string | undefined {
  if (inspect(file, limit).why !== undefined) return undefined;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > limit) return undefined;
    const buffer = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = fs.readSync(fd, buffer, got, st.size - got, got);
      if (n <= 0) break;
      got += n;
    }
    return buffer.toString("utf8", 0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The first `bytes` of a regular file (a script preview), or undefined. */
export function readHead(file: string, bytes: number): string | undefined {
  if (inspect(file, Number.MAX_SAFE_INTEGER).why !== undefined) return undefined;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.toString("utf8", 0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export const diskAccess: FileAccess = {
  read: (file) => readRegularFile(file),
  unreadable: (file) => inspect(file, MAX_FILE_BYTES).why,
  list(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
  isDirectory(p) {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  exists(p) {
    return fs.existsSync(p);
  },
};

/** Open buffers first, then the underlying access. */
export function overlay(buffers: Map<string, string>, under: FileAccess): FileAccess {
  return {
    read: (file) => buffers.get(file) ?? under.read(file),
    list: (dir) => {
      const names = new Set(under.list(dir));
      for (const file of buffers.keys()) if (path.dirname(file) === dir) names.add(path.basename(file));
      return [...names];
    },
    isDirectory: (p) => under.isDirectory(p),
    exists: (p) => buffers.has(p) || under.exists(p),
    unreadable: (p) => (buffers.has(p) ? undefined : under.unreadable?.(p)),
  };
}

/** The same access, but a file also exists when this machine has it (scripts named in a config). */
export function orOnThisMachine(access: FileAccess): FileAccess {
  return { ...access, exists: (p) => access.exists(p) || diskAccess.exists(p) };
}

/** Files held in memory (tests, benchmarks, generated peers): absolute path → text. */
export function memoryAccess(files: Map<string, string>): FileAccess {
  return {
    read: (file) => files.get(file),
    list: (dir) => {
      const names = new Set<string>();
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      for (const f of files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split(path.sep)[0]);
      return [...names];
    },
    isDirectory: (p) => {
      const prefix = p.endsWith(path.sep) ? p : p + path.sep;
      return [...files.keys()].some((f) => f.startsWith(prefix));
    },
    exists: (p) => files.has(p),
  };
}
