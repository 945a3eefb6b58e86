// Scripts without script security: keepalived runs them as root and logs a SECURITY VIOLATION (or,
// without script_user, looks for a `keepalived_script` user that often does not exist). The fix adds
// both settings to global_defs, creating the block when there is none.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";
import type { Fix } from "../check/diagnostic";
import { runsProgram } from "../config/scripts";

const SCRIPT_USER = "keepalived_script";

/** Lines a fix adds, with the indentation the file already uses inside blocks. */
function addToGlobalDefs(root: string, text: string, globalDefs: ConfigStatement | undefined, missing: string[]): Fix | undefined {
  const lines = text.split("\n");
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "    ";
  if (globalDefs) {
    const close = globalDefs.block?.close;
    if (!close || globalDefs.file !== root || globalDefs.keyword.substituted) return undefined;
    // Insert before the closing brace's line when it stands alone, else right after the `{`.
    const closeLine = lines[close.start.line] ?? "";
    if (/^[ \t]*$/.test(closeLine.slice(0, close.start.character))) {
      return { title: "Enable script security in global_defs", edits: [{ file: root, range: { start: { line: close.start.line, character: 0 }, end: { line: close.start.line, character: 0 } }, newText: missing.map((m) => `${indent}${m}\n`).join("") }] };
    }
    const open = globalDefs.block!.open;
    return { title: "Enable script security in global_defs", edits: [{ file: root, range: { start: open.end, end: open.end }, newText: "\n" + missing.map((m) => `${indent}${m}\n`).join("") }] };
  }
  // No global_defs: add one after the leading comment lines.
  let at = 0;
  while (at < lines.length && /^\s*([#!].*)?$/.test(lines[at]) && lines[at].trim() !== "") at++;
  const block = `global_defs {\n${missing.map((m) => `${indent}${m}\n`).join("")}}\n` + (at < lines.length && lines[at].trim() !== "" ? "\n" : "");
  return { title: "Add global_defs with script security", edits: [{ file: root, range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: block }] };
}

export const scriptSecurityRule: NodeRule = {
  code: "script-security",
  checkNode({ config, annotated, access, report }) {
    const scripts = annotated.filter((a) => runsProgram(a.spec));
    if (!scripts.length) return;
    // keepalived reads every global_defs block into one set of settings.
    const blocks = config.statements.filter((s) => s.keyword.text === "global_defs" && s.children);
    const set = new Set(blocks.flatMap((b) => b.children!.map((c) => c.keyword.text)));
    const missing = [...(set.has("script_user") ? [] : [`script_user ${SCRIPT_USER}`]), ...(set.has("enable_script_security") ? [] : ["enable_script_security"])];
    if (!missing.length) return;
    const first = scripts[0].statement.keyword;
    // The fix edits the root's global_defs, else one in an included file, else creates one in the root.
    const globalDefs = blocks.filter((b) => b.file === config.root).pop() ?? blocks.pop();
    const target = globalDefs?.file ?? config.root;
    const text = access.read(target) ?? "";
    const fix = addToGlobalDefs(target, text, globalDefs, missing);
    const consequence = set.has("enable_script_security")
      ? `keepalived runs them as user ${SCRIPT_USER}, and disables them when that user does not exist`
      : `keepalived runs them as ${set.has("script_user") ? "the script_user" : `${SCRIPT_USER} if that user exists, else as root`}, without checking who may modify them, and logs a SECURITY VIOLATION`;
    report({
      file: first.file,
      range: first.range,
      severity: "warning",
      code: "script-security",
      message:
        `${scripts.length} script${scripts.length > 1 ? "s" : ""} run without ${missing.map((m) => `'${m.split(" ")[0]}'`).join(" and ")} in global_defs: ` +
        `${consequence}; set a dedicated user and enable script security`,
      fixes: fix ? [fix] : [],
    });
  },
};
