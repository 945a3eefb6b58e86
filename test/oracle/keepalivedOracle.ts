// keepalived itself as the oracle: runs `keepalived -t` (config test) on one file and returns what it
// complained about, as {line?, message}, deduplicated and with the host-dependent messages removed.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface OracleMessage {
  /** 1-based line in the checked file; absent when keepalived gave no line (post-parse validation). */
  line?: number;
  /** The file keepalived named, as it printed it (relative to the file's folder), when it gave one. */
  file?: string;
  message: string;
}

export interface OracleResult {
  messages: OracleMessage[];
  /** Messages dropped by the host filter, for the curious. */
  filtered: OracleMessage[];
  timedOut: boolean;
  raw: string;
}

/** Path of the keepalived binary, or undefined when it is not installed. */
export function keepalivedBinary(): string | undefined {
  for (const candidate of ["keepalived", "/usr/sbin/keepalived", "/usr/local/sbin/keepalived"]) {
    const r = spawnSync(candidate, ["-v"], { encoding: "utf8", timeout: 5000 });
    if (!r.error && /Keepalived v\d/.test(`${r.stdout}${r.stderr}`)) return candidate;
  }
  return undefined;
}

export function keepalivedVersion(binary: string): string | undefined {
  const r = spawnSync(binary, ["-v"], { encoding: "utf8", timeout: 5000 });
  return /Keepalived v(\d+\.\d+\.\d+)/.exec(`${r.stdout}${r.stderr}`)?.[1];
}

/**
 * Messages that depend on this machine rather than on the configuration. Keep this list short and
 * explicit: anything filtered here is invisible to the recall figure.
 */
export const HOST_FILTER: readonly { pattern: RegExp; why: string }[] = [
  // Interfaces named in the config that this host does not have (eth1, eth2 ...).
  { pattern: /\binterface \S+ .*doesn't exist/i, why: "interface missing on this host" },
  { pattern: /Non-existent interface specified in configuration/, why: "interface missing on this host" },
  { pattern: /Cannot find an IP address to use for interface/, why: "interface missing on this host" },
  // keepalived refuses the loopback interface of the host it runs on.
  { pattern: /\binterface lo\b|cannot use the loopback interface|is a loopback interface/i, why: "loopback interface of this host" },
  // Scripts and their users: files, permissions and accounts of this host.
  { pattern: /Unable to set default user|Error setting global script uid\/gid|default user .* does not exist/i, why: "script user lookup on this host" },
  { pattern: /script .*(not found|not executable|insecure|cannot be accessed)|SECURITY VIOLATION|Unable to access script|uid\/gid .* not found|Unknown (user|group)/i, why: "script file or security on this host" },
  // Host names resolved through this host's resolver.
  { pattern: /Unable to resolve|getaddrinfo|Unknown host|Invalid hostname/i, why: "name resolution on this host" },
];

/** Messages about the configuration that the host filter's words would catch: a tracked script,
 *  process, file or bfd the config never defines is a config mistake, not this host's. */
const ABOUT_THE_CONFIG = /track (script|process|file|bfd) \S+ not found, ignoring/;

const REMOVED_SCRIPT = /Unable to set default user for vrrp script (\S+) - removing/;
const TRACKED_NOT_FOUND = /track script (\S+) not found, ignoring/;

export function hostDependent(message: string): boolean {
  return !ABOUT_THE_CONFIG.test(message) && HOST_FILTER.some((f) => f.pattern.test(message));
}

const LINE_RE = /^\((?:(.+?): )?Line (\d+)\) ?(.*)$/;

/** Splits keepalived's output into messages, deduplicated: it repeats lines (each of its processes
 *  reads the file), naming the file in some passes and not in others. */
export function parseOutput(raw: string): OracleMessage[] {
  const all: OracleMessage[] = [];
  for (const rawLine of raw.split("\n")) {
    const text = rawLine.trim();
    if (!text) continue;
    const m = LINE_RE.exec(text);
    const msg: OracleMessage = m ? { file: m[1], line: Number(m[2]), message: m[3].trim() } : { message: text };
    if (msg.message) all.push(msg);
  }
  const named = new Set(all.filter((m) => m.file !== undefined).map((m) => `${m.line}\u0000${m.message}`));
  const seen = new Set<string>();
  const out: OracleMessage[] = [];
  for (const msg of all) {
    if (msg.file === undefined && msg.line !== undefined && named.has(`${msg.line}\u0000${msg.message}`)) continue;
    const key = `${msg.file ?? ""}\u0000${msg.line ?? ""}\u0000${msg.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(msg);
  }
  return out;
}

export interface RunOptions {
  binary?: string;
  /** keepalived's `-i`: the config id that `@id` lines are matched against. */
  configId?: string;
  timeoutMs?: number;
}

/** A config id no file uses: keepalived otherwise uses this host's name. */
export const NO_CONFIG_ID = "keepalived-lint-oracle-no-such-id";

/** Runs `keepalived -t -f FILE` with cwd = the file's folder. */
export function runKeepalived(file: string, options: RunOptions = {}): Promise<OracleResult> {
  const binary = options.binary ?? "keepalived";
  const args = ["-t", "-f", path.basename(file), "-i", options.configId ?? NO_CONFIG_ID];
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd: path.dirname(file), stdio: ["ignore", "pipe", "pipe"] });
    let raw = "";
    let timedOut = false;
    child.stdout.on("data", (b) => (raw += b));
    child.stderr.on("data", (b) => (raw += b));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 20000);
    child.on("close", () => {
      clearTimeout(timer);
      const all = parseOutput(raw);
      // A script this host made keepalived remove is then "not found" where it is tracked: that follows from the host too.
      const removed = new Set(all.map((m) => REMOVED_SCRIPT.exec(m.message)?.[1]).filter((n): n is string => !!n));
      const fromHost = (m: OracleMessage) => hostDependent(m.message) || removed.has(TRACKED_NOT_FOUND.exec(m.message)?.[1] ?? "\u0000");
      resolve({
        messages: all.filter((m) => !fromHost(m)),
        filtered: all.filter(fromHost),
        timedOut,
        raw,
      });
    });
    child.on("error", () => {
      clearTimeout(timer);
      resolve({ messages: [], filtered: [], timedOut, raw });
    });
  });
}

/** Writes `text` to a fresh temporary folder and runs keepalived on it. */
export async function runKeepalivedOnText(text: string, name: string, options: RunOptions = {}): Promise<OracleResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-oracle-"));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return await runKeepalived(file, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs jobs with at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
