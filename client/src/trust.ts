// Restricted Mode (an untrusted workspace): checking only reads files, so diagnostics, hover, the
// topology and the comparison keep working; commands that write files or run programs wait for trust.
// The list lives in trustPolicy.ts (no vscode import) so a test can hold package.json to it.
import * as vscode from "vscode";
import { COMMANDS_NEEDING_TRUST } from "./trustPolicy";

/** Registers a command that refuses to run, with a message, while the workspace is not trusted. */
export function registerTrustedCommand(id: keyof typeof COMMANDS_NEEDING_TRUST, run: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, (...args: unknown[]) => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Keepalived: ${COMMANDS_NEEDING_TRUST[id]} in Restricted Mode. Trust this workspace to use it.`);
      return undefined;
    }
    return run(...args);
  });
}
