// Commands named in a config (vrrp_script `script`, notify_*, MISC_CHECK misc_path): which program
// they run, and where that program is: on this machine, in the workspace under an include root, or
// by its file name in a folder beside the config.
import * as path from "path";
import type { FileAccess } from "./files";
import type { KeywordSpec } from "../schema/types";

/** Keywords whose first argument is a command keepalived runs. */
export const SCRIPT_KEYWORDS = new Set([
  "script",
  "notify",
  "notify_master",
  "notify_backup",
  "notify_fault",
  "notify_stop",
  "notify_deleted",
  "notify_master_rx_lower_pri",
  "notify_up",
  "notify_down",
  "misc_path",
]);

/**
 * Whether a keyword runs a program (its schema says an argument is a command): notify scripts,
 * vrrp_script's script, misc_path, quorum_up/down, startup/shutdown and FIFO scripts. keepalived
 * applies script security to all of them.
 */
export function runsProgram(spec: KeywordSpec | undefined): boolean {
  return !!spec && spec.args.some((a) => a.type.kind === "script");
}

/** The program of a command line: its first word, quotes removed. */
export function programOf(command: string): string | undefined {
  const m = /^\s*(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(command);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

export interface ScriptLocation {
  program: string;
  /** Where it is: the real path, or the copy under an include root; undefined when nowhere. */
  found?: string;
  /** Found by its file name in a folder beside the config (a repository keeps it in files/, scripts/ ...). */
  byName?: boolean;
}

/** Folders a repository keeps deployed files in, next to the config or a few levels up. */
const BESIDE = ["", "files", "scripts", "templates", "bin"];
const LEVELS_UP = 3;
/** How many trailing segments of a deployed path are tried beside the config. */
const MAX_TAIL = 3;

/**
 * The program looked up by file name near the config that names it: a repository holds
 * `/etc/keepalived/check.sh` as `files/check.sh` (or `templates/check.sh.j2`) beside the config.
 * A fixed number of lookups, no folder walk.
 */
export function findByName(program: string, configFile: string, access: FileAccess): string | undefined {
  // The deployed path's tails, shortest first: `check.sh`, then `121_backup/check.sh` for
  // /etc/keepalived/scripts/121_backup/check.sh (a repository may keep the folder, not the prefix).
  const segments = program.split("/").filter(Boolean);
  const tails = segments.slice(-MAX_TAIL).map((_, i, last) => last.slice(last.length - 1 - i).join("/"));
  let dir = path.dirname(configFile);
  for (let level = 0; level <= LEVELS_UP; level++) {
    for (const sub of BESIDE) for (const tail of tails) for (const name of [tail, `${tail}.j2`]) {
      const candidate = path.join(dir, sub, name);
      if (candidate !== configFile && access.exists(candidate) && !access.isDirectory(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Where distributions install their own programs, each in a different one of these (pidof: /usr/bin on Debian, /usr/sbin on RHEL). */
const SYSTEM_FOLDERS = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"];

/**
 * A program named in one system folder that this machine has in another: the distribution's program,
 * which the target has where its distribution puts it (not a script missing from the workspace).
 */
function inAnotherSystemFolder(program: string, access: FileAccess): string | undefined {
  if (!SYSTEM_FOLDERS.includes(path.posix.dirname(program))) return undefined;
  const name = path.posix.basename(program);
  for (const folder of SYSTEM_FOLDERS) {
    const candidate = `${folder}/${name}`;
    if (candidate !== program && access.exists(candidate) && !access.isDirectory(candidate)) return candidate;
  }
  return undefined;
}

/** Resolves the program of `command`. Only absolute paths are judged: a bare name is looked up in PATH at run time. */
export function resolveScriptPath(command: string, includeRoots: string[], access: FileAccess, configFile?: string): ScriptLocation | undefined {
  const program = programOf(command);
  if (!program || !path.isAbsolute(program) || program.includes("$")) return undefined;
  for (const root of includeRoots) {
    const candidate = path.join(root, program);
    if (access.exists(candidate)) return { program, found: candidate };
  }
  if (access.exists(program)) return { program, found: program };
  const elsewhere = inAnotherSystemFolder(program, access);
  if (elsewhere) return { program, found: elsewhere };
  const near = configFile ? findByName(program, configFile, access) : undefined;
  return near ? { program, found: near, byName: true } : { program };
}

/**
 * resolveScriptPath for one pass over a node or file (a check, a links request): each command and file
 * is looked up once. A missing script costs dozens of stat calls (findByName), and a config naming the
 * same scripts thousands of times made every keystroke, and a links request 10 s on 1 MB, repeat them.
 */
export type ScriptResolver = (command: string, configFile?: string) => ScriptLocation | undefined;

export function scriptResolver(includeRoots: string[], access: FileAccess): ScriptResolver {
  const known = new Map<string, ScriptLocation | undefined>();
  return (command, configFile) => {
    const key = `${configFile ?? ""}\0${command}`;
    if (known.has(key)) return known.get(key);
    const where = resolveScriptPath(command, includeRoots, access, configFile);
    known.set(key, where);
    return where;
  };
}
