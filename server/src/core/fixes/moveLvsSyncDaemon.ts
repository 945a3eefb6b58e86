// `lvs_sync_daemon_interface IF` inside a vrrp_instance has no in-place successor: keepalived reads it
// as the global `lvs_sync_daemon IF INSTANCE`, so the fix moves it there. Only the first one counts
// (keepalived ignores the others), and none is moved when global_defs already sets lvs_sync_daemon.
import type { AnnotatedStatement } from "../config/annotate";
import type { ConfigStatement } from "../config/expand";
import type { Fix, TextEdit } from "../check/diagnostic";
import { addToGlobalDefs, globalDefsBlocks } from "../config/globalDefsEdit";

/** The edit removing a statement: its whole line when nothing else stands on it. */
function removal(s: ConfigStatement, read: (file: string) => string | undefined): TextEdit | undefined {
  const line = read(s.file)?.split("\n")[s.range.start.line];
  if (line === undefined || s.range.end.line !== s.range.start.line) return undefined;
  const before = line.slice(0, s.range.start.character);
  const after = line.slice(s.range.end.character);
  if (/^[ \t]*$/.test(before) && /^[ \t\r]*$/.test(after)) {
    return { file: s.file, range: { start: { line: s.range.start.line, character: 0 }, end: { line: s.range.start.line + 1, character: 0 } }, newText: "" };
  }
  return { file: s.file, range: s.range, newText: "" };
}

function word(w: { text: string; quoted: boolean }): string {
  return w.quoted || /[\s#!{}"]/.test(w.text) ? `"${w.text}"` : w.text;
}

export function moveLvsSyncDaemonFix(a: AnnotatedStatement, annotated: AnnotatedStatement[], root: string, statements: ConfigStatement[], read: (file: string) => string | undefined): Fix | undefined {
  const s = a.statement;
  const instance = [...a.parents].reverse().find((p) => p.keyword.text === "vrrp_instance");
  const iface = s.args[0];
  const name = instance?.args[0];
  if (!iface || !name || iface.substituted || name.substituted || s.keyword.substituted || s.syntax.condition || s.syntax.sequences?.length) return undefined;
  if (annotated.find((x) => x.statement.keyword.text === s.keyword.text) !== a) return undefined;
  if (globalDefsBlocks(statements).some((g) => g.children!.some((c) => c.keyword.text === "lvs_sync_daemon"))) return undefined;
  const remove = removal(s, read);
  const line = `lvs_sync_daemon ${word(iface)} ${word(name)}`;
  const add = addToGlobalDefs(root, statements, read, [line]);
  if (!remove || !add) return undefined;
  return { title: `Move to global_defs as '${line}'`, preferred: true, edits: [remove, add.edit] };
}
