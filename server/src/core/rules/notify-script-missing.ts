// A notify script or vrrp_script that names a program found neither on this machine nor in the
// workspace (by its path under an include root, or by its file name in files/, scripts/, templates/
// beside the config): keepalived would log that it cannot run it, on the node, when the state changes.
import type { NodeRule } from "../check/rule";
import { SCRIPT_KEYWORDS, scriptResolver } from "../config/scripts";
import { orOnThisMachine } from "../config/files";
import { commandAnnotations } from "./commandStatements";
import { endsInBareEscape } from "../schema/values";
import { basename } from "path";

export const notifyScriptMissingRule: NodeRule = {
  code: "notify-script-missing",
  checkNode({ annotated, includeRoots, access, report }) {
    // "On this machine" means the real disk, even when the workspace is read from elsewhere.
    const anywhere = orOnThisMachine(access);
    const commands = commandAnnotations(annotated);
    const resolve = scriptResolver(includeRoots, anywhere);
    for (let i = 0; i < commands.length; i++) {
      const a = commands[i];
      if (!SCRIPT_KEYWORDS.has(a.spec!.name)) continue;
      const word = a.statement.args[0];
      // A command keepalived drops (invalid-value reports it) is not looked for.
      if (!word || endsInBareEscape(word.text)) continue;
      const where = resolve(word.text, word.file);
      if (!where || where.found) continue;
      report({
        file: word.file,
        range: word.range,
        severity: "warning",
        code: "notify-script-missing",
        message: `${a.spec!.name}: '${where.program}' exists neither on this machine nor in the workspace (no '${basename(where.program)}' beside the config either)` + (includeRoots.length ? ` (include roots: ${includeRoots.join(", ")})` : " (set an include root if the workspace keeps the target's files)"),
      });
    }
  },
};
