// Scripts without script security: keepalived runs them as root and logs a SECURITY VIOLATION (or,
// without script_user, looks for a `keepalived_script` user that often does not exist). The fix adds
// both settings to global_defs, creating the block when there is none.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";
import type { Fix } from "../check/diagnostic";
import { SCRIPT_KEYWORDS } from "../config/scripts";

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
    const scripts = annotated.filter((a) => a.spec && (SCRIPT_KEYWORDS.has(a.spec.name) || a.spec.name === "MISC_CHECK"));
    if (!scripts.length) return;
    const globalDefs = config.statements.filter((s) => s.keyword.text === "global_defs").pop();
    const set = new Set((globalDefs?.children ?? []).map((c) => c.keyword.text));
    const missing = [...(set.has("script_user") ? [] : [`script_user ${SCRIPT_USER}`]), ...(set.has("enable_script_security") ? [] : ["enable_script_security"])];
    if (!missing.length) return;
    const first = scripts[0].statement.keyword;
    const text = access.read(config.root) ?? "";
    const fix = addToGlobalDefs(config.root, text, globalDefs, missing);
    report({
      file: first.file,
      range: first.range,
      severity: "warning",
      code: "script-security",
      message:
        `${scripts.length} script${scripts.length > 1 ? "s" : ""} run without ${missing.map((m) => `'${m.split(" ")[0]}'`).join(" and ")} in global_defs: ` +
        "keepalived runs them as root and logs a SECURITY VIOLATION; set a dedicated user and enable script security",
      fixes: fix ? [fix] : [],
    });
  },
};
