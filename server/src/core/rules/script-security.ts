// Scripts without script security: keepalived runs them as root and logs a SECURITY VIOLATION (or,
// without script_user, looks for a `keepalived_script` user that often does not exist). The fix adds
// both settings to global_defs, creating the block when there is none.
import type { NodeRule } from "../check/rule";
import { withLazyFixes, Fix } from "../check/diagnostic";
import { runsProgram } from "../config/scripts";
import { commandAnnotations } from "./commandStatements";
import { addToGlobalDefs, globalDefsBlocks } from "../config/globalDefsEdit";

const SCRIPT_USER = "keepalived_script";

export const scriptSecurityRule: NodeRule = {
  code: "script-security",
  checkNode({ config, annotated, access, report }) {
    const scripts = commandAnnotations(annotated).filter((a) => runsProgram(a.spec));
    if (!scripts.length) return;
    // keepalived reads every global_defs block into one set of settings.
    const blocks = globalDefsBlocks(config.statements);
    const set = new Set(blocks.flatMap((b) => b.children!.map((c) => c.keyword.text)));
    const missing = [...(set.has("script_user") ? [] : [`script_user ${SCRIPT_USER}`]), ...(set.has("enable_script_security") ? [] : ["enable_script_security"])];
    if (!missing.length) return;
    const first = scripts[0].statement.keyword;
    // The fix reads and edits global_defs: built when a code action asks, not on every keystroke.
    const buildFixes = (): Fix[] => {
      const added = addToGlobalDefs(config.root, config.statements, (f) => access.read(f), missing);
      return added ? [{ title: added.creates ? "Add global_defs with script security" : "Enable script security in global_defs", edits: [added.edit] }] : [];
    };
    const consequence = set.has("enable_script_security")
      ? `keepalived runs them as user ${SCRIPT_USER}, and disables them when that user does not exist`
      : `keepalived runs them as ${set.has("script_user") ? "the script_user" : `${SCRIPT_USER} if that user exists, else as root`}, without checking who may modify them, and logs a SECURITY VIOLATION`;
    report(withLazyFixes({
      file: first.file,
      range: first.range,
      severity: "warning",
      code: "script-security",
      message:
        `${scripts.length} script${scripts.length > 1 ? "s" : ""} run without ${missing.map((m) => `'${m.split(" ")[0]}'`).join(" and ")} in global_defs: ` +
        `${consequence}; set a dedicated user and enable script security`,
    }, buildFixes));
  },
};
