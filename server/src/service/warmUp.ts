// A warm-up pass when the server starts: a few edits, a hover and a completion on a scratch
// workspace held in memory, so the code the first keystrokes run is already compiled by the JIT
// (cold, the first edits after opening a file took 3–6× as long as later ones). Nothing is read
// from disk or published; the scratch workspace is dropped afterwards.
import { WorkspaceIndex } from "./workspaceIndex";
import { completion } from "./completion";
import { hover } from "./hover";
import { pathToUri } from "./uris";

const FILE = "/keepalived-language-warm-up/keepalived.conf";

function sample(): string[] {
  const lines = ["global_defs {", "    router_id warm", "}", 'vrrp_script chk {', '    script "/bin/true"', "    interval 2", "}"];
  for (let i = 0; i < 40; i++) {
    lines.push(`vrrp_instance VI_${i} {`, "    state BACKUP", "    interface eth0", `    virtual_router_id ${i + 1}`, "    priority 100", "    advert_int 1");
    lines.push("    authentication {", "        auth_type PASS", `        auth_pass pw${i}xyz`, "    }", "    virtual_ipaddress {", `        10.0.${i}.1/24`, "    }", "    track_script {", "        chk", "    }", "}");
  }
  return lines;
}

/**
 * The kinds of edit a person makes, each applied to the sample at a priority line `at` of the instance
 * starting at `start`: a digit, Enter, a line deleted or pasted, `{`, `{}`, a block pasted or deleted.
 * Each takes its own path through the re-parser (syntax/incremental.ts), rules and cluster analysis.
 */
const EDITS: ((copy: string[], at: number, start: number) => void)[] = [
  (copy, at) => (copy[at] = "    priority 1000"),
  (copy, at) => copy.splice(at + 1, 0, "    "),
  (copy, at) => (copy[at] += " {}"),
  (copy, at) => (copy[at] += " {"),
  (copy, at) => copy.splice(at + 1, 1),
  (copy, at) => copy.splice(at + 1, 0, "    advert_int 2"),
  (copy, _at, start) => copy.splice(start, 0, "vrrp_instance VI_pasted {", "    state BACKUP", "    interface eth0", "    virtual_router_id 250", "    priority 90", "}"),
  (copy, _at, start) => copy.splice(start, 17),
];

/** `rounds`: passes over EDITS, each edit followed by a hover and a completion unless `requests` is false. */
export function warmUp(rounds = 2, requests = true): void {
  const index = new WorkspaceIndex();
  const lines = sample();
  index.open(FILE, lines.join("\n"));
  index.workspace.diagnostics();
  const uri = pathToUri(FILE);
  for (let k = 0; k < rounds * EDITS.length; k++) {
    const start = 7 + 17 * ((k * 7) % 40);
    const at = start + 4; // a priority line
    const copy = [...lines];
    EDITS[k % EDITS.length](copy, at, start);
    index.edit(FILE, copy.join("\n"));
    index.workspace.diagnostics();
    if (!requests) continue;
    hover(index, { textDocument: { uri }, position: { line: at, character: 6 } });
    completion(index, { textDocument: { uri }, position: { line: at, character: 4 } });
  }
  index.close(FILE);
}

let startup: NodeJS.Timeout | undefined;

/**
 * The scratch warm-up, shortly after the server starts, unless a file opens first (VS Code opens one
 * as it starts the server): that file is checked first, not 0.1–0.4 s later, and a large one is warmed
 * up on its own text (warmUpOpened).
 */
export function warmUpUnlessOpened(log: (message: string) => void, delayMs = 100): void {
  startup = setTimeout(() => {
    startup = undefined;
    try {
      warmUp();
    } catch (e) {
      log(`warm-up skipped: ${(e as Error).message}`);
    }
  }, delayMs);
}

export function cancelStartupWarmUp(): void {
  if (startup) clearTimeout(startup);
  startup = undefined;
}

/** Smaller files are checked fast enough cold. */
const WARM_UP_OPENED_CHARS = 20_000;
/**
 * Larger files are not warmed up: the pass is four more checks before the first publication, which
 * on a 1 MB file cost more seconds than the JIT saves on its keystrokes.
 */
export const WARM_UP_MAX_CHARS = 400_000;

/**
 * Right after a large file opens, before its first publication: a character typed at the end of a line
 * in the middle of the file and an Enter there, each undone, checked through the real workspace, then a
 * hover and a completion there. The first keystrokes then run code the JIT has compiled at this file's
 * size (cold, they took several times as long as later ones). More kinds of edit (braces, a pasted
 * block) cost the open more than they saved later. The workspace ends on the file's own text, and an
 * incremental check equals a full one (test/cluster/incremental.test.ts, test/lsp/random-edits.test.ts).
 */
export function warmUpOpened(index: WorkspaceIndex, file: string): void {
  const text = index.text(file);
  const ws = index.workspace;
  if (text === undefined || text.length < WARM_UP_OPENED_CHARS || text.length > WARM_UP_MAX_CHARS || !ws.files().includes(file)) return;
  const middle = text.indexOf("\n", text.length >> 1);
  if (middle <= 0) return;
  ws.diagnostics();
  try {
    // The other kinds of edit on the small scratch sample, which costs the open little: the code
    // paths are the same whatever the size, and the first Enter, `{` or pasted block is then no
    // longer the first time the JIT sees them. Once each, without requests: about a tenth of a second.
    // First, so that what the edits below leave behind (the line starts of the file's text, the table
    // its items were moved into) is the file's own when the first real keystroke comes.
    warmUp(1, false);
  } catch {
    // A warm-up never costs an open anything but time.
  }
  for (const typed of [" ", "\n"]) {
    ws.setText(file, text.slice(0, middle) + typed + text.slice(middle));
    ws.diagnostics();
    ws.setText(file, text);
    ws.diagnostics();
  }
  // The hover and completion code: the scratch warm-up does not run when a file opens first.
  const line = (text.slice(0, middle).match(/\n/g) ?? []).length;
  const position = { line, character: Math.max(0, middle - text.lastIndexOf("\n", middle - 1) - 2) };
  const uri = pathToUri(file);
  try {
    hover(index, { textDocument: { uri }, position });
    completion(index, { textDocument: { uri }, position });
  } catch {
    // A warm-up never costs an open anything but time.
  }
}
