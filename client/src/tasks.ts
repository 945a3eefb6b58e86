// Tasks: "keepalived-lint: check" runs the bundled CLI on a workspace folder in the terminal, and the
// $keepalived-lint problem matcher (package.json) puts its findings in Problems. The CLI's text
// format (file:line:col: severity code: message) is a stable contract, so the matcher stays valid.
import * as vscode from "vscode";

export const TASK_TYPE = "keepalived-lint";

interface LintTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  /** Files or folders to check, relative to the workspace folder; default: the whole folder. */
  paths?: string[];
}

function lintTask(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition: LintTaskDefinition): vscode.Task {
  const cli = context.asAbsolutePath("bin/keepalived-lint.js");
  const paths = definition.paths?.length ? definition.paths : ["."];
  // The extension host's own runtime runs the CLI: Node in code-server, Electron as Node on the desktop.
  const execution = new vscode.ProcessExecution(process.execPath, [cli, "check", ...paths], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: "1" } });
  const task = new vscode.Task(definition, folder, "check", TASK_TYPE, execution, ["$keepalived-lint"]);
  task.group = vscode.TaskGroup.Test;
  task.detail = `keepalived-lint check ${paths.join(" ")}`;
  return task;
}

export function registerTasks(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((f) => lintTask(context, f, { type: TASK_TYPE })),
      resolveTask: (task) => {
        const folder = task.scope && typeof task.scope === "object" ? (task.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
        return folder ? lintTask(context, folder, task.definition as LintTaskDefinition) : undefined;
      },
    }),
  );
}
