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
}

export const diskAccess: FileAccess = {
  read(file) {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  },
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
  };
}

/** One path segment of a glob (`*`, `?`, `[...]`, `{a,b}`) as a regular expression. */
function segmentRegex(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = segment.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else if (c === "{") {
      const close = segment.indexOf("}", i + 1);
      if (close < 0) re += "\\{";
      else {
        const alts = segment.slice(i + 1, close).split(",").map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        re += `(?:${alts.join("|")})`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function hasGlob(p: string): boolean {
  return /[*?[{]/.test(p);
}

/** Expands an absolute glob pattern into the matching files, sorted as glob(3) sorts them. */
export function expandGlob(pattern: string, access: FileAccess): string[] {
  if (!hasGlob(pattern)) return access.read(pattern) !== undefined ? [pattern] : [];
  const root = path.parse(pattern).root;
  const segments = pattern.slice(root.length).split(/[\\/]+/).filter(Boolean);
  let current = [root];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!hasGlob(seg)) {
        next.push(path.join(dir, seg));
        continue;
      }
      const re = segmentRegex(seg);
      for (const name of access.list(dir).sort()) {
        if (name.startsWith(".") && !seg.startsWith(".")) continue;
        if (re.test(name)) next.push(path.join(dir, name));
      }
    }
    current = last ? next : next.filter((p) => access.isDirectory(p));
  }
  return current.filter((p) => !access.isDirectory(p) && access.read(p) !== undefined);
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
