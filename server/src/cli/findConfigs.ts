// Which files of a folder are keepalived configurations: by content (text whose first statement is a
// keepalived keyword), so nginx.conf, .service units, scripts, archives and packages are left out.
import * as fs from "fs";
import * as path from "path";
import { isKeepalivedName, isTemplateName, sniffKeepalived, SNIFF_BYTES } from "../core/config/configNames";
import { templateDialect } from "../core/template/dialect";
import { diskAccess } from "../core/config/files";

const SKIP_DIRS = new Set(["node_modules", ".git", "out", "dist"]);

/** A path named on the command line that is not a file to read: its `code` says what it is ("is a FIFO (named pipe)"). */
export class UnreadablePath extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path} ${code}`);
  }
}

export interface SkippedFile {
  file: string;
  why: string;
}

function readHead(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const buf = Buffer.alloc(SNIFF_BYTES);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A template file (by name) whose dialect is known and whose name or first statements say keepalived. */
function isKeepalivedTemplate(file: string, head: Buffer): boolean {
  if (head.includes(0)) return false;
  const text = head.toString("utf8");
  if (!templateDialect(file, text)) return false;
  return /keepalived/i.test(path.basename(file)) || /^\s*(global_defs|vrrp_instance|vrrp_script|vrrp_sync_group|virtual_server|virtual_server_group)\b/m.test(text);
}

/** Whether a file found in a folder is a keepalived config, and if not, why. */
export function classify(file: string): { take: true } | { take: false; why: string } {
  const head = readHead(file);
  if (head === undefined) return { take: false, why: "unreadable" };
  // A template of a keepalived config is checked in its static text (core/template/).
  if (isTemplateName(file)) return isKeepalivedTemplate(file, head) ? { take: true } : { take: false, why: "a template, not of a keepalived config" };
  const sniff = sniffKeepalived(head);
  if (sniff.kind === "keepalived") return { take: true };
  if (sniff.kind === "binary") return { take: false, why: "binary" };
  // An empty or comment-only file counts when its name says keepalived (a config being written).
  if (sniff.kind === "empty") return isKeepalivedName(file) ? { take: true } : { take: false, why: "no statement" };
  // A file named for keepalived whose first line is a typo is still checked: that is where the typo gets reported.
  if (isKeepalivedName(file)) return { take: true };
  return { take: false, why: `first statement is not keepalived: ${sniff.line}` };
}

export function looksLikeKeepalived(file: string): boolean {
  return classify(file).take;
}

/** Files given are taken as they are; folders are walked for keepalived configs. Throws on a missing path. */
export function collectConfigFiles(paths: string[], skipped?: SkippedFile[]): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIP_DIRS.has(entry.name)) walk(p);
      } else if (entry.isFile()) {
        const verdict = classify(p);
        if (verdict.take) out.add(path.resolve(p));
        else skipped?.push({ file: p, why: verdict.why });
      }
    }
  };
  for (const p of paths) {
    const st = fs.statSync(p); // throws ENOENT for a missing path: the caller turns it into exit 2
    if (st.isDirectory()) walk(p);
    else {
      // A FIFO, a device or a file too large is named, not read (a FIFO waited forever, /dev/zero filled
      // the memory); an unreadable file fails here with EACCES instead of checking as an empty one.
      const why = diskAccess.unreadable?.(p);
      if (why) throw new UnreadablePath(p, why);
      fs.accessSync(p, fs.constants.R_OK);
      out.add(path.resolve(p));
    }
  }
  return [...out];
}
