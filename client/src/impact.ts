// "Keepalived: What Will This Change Do?": the working copy (open buffers included) against git
// HEAD. The old texts come from VS Code's git extension when it has the repository, else from
// `git show HEAD:<path>`; the server does the analysis and the result opens as a text document.
import * as path from "path";
import { execFile } from "child_process";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ImpactFilesRequest, ImpactFilesResult, ImpactRequest, ImpactResult } from "../../server/src/protocol";

interface GitRepository {
  rootUri: vscode.Uri;
  show(ref: string, filePath: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>("vscode.git");
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

function run(cwd: string, args: string[]): Promise<string | undefined> {
  // The command is registered through the trust gate; this is the second lock on the same door.
  if (!vscode.workspace.isTrusted) return Promise.resolve(undefined);
  return new Promise((resolve) => execFile("git", args, { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 20_000 }, (err, out) => resolve(err ? undefined : out)));
}

/** The file's text at HEAD, or null when HEAD has no such file (or it is in no repository). A failed
 *  read is tried twice more: git answers "not found" while its extension is still scanning the repository. */
async function headText(file: string, api: GitApi | undefined): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    const text = await headTextOnce(file, api);
    if (text !== null || attempt === 3) return text;
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function headTextOnce(file: string, api: GitApi | undefined): Promise<string | null> {
  const repo = api?.getRepository(vscode.Uri.file(file));
  if (repo) {
    try {
      // An empty answer comes back while the extension is still opening the repository: ask git itself.
      const text = await repo.show("HEAD", file);
      if (text) return text;
    } catch {
      // Not in HEAD (a new file) or the extension refused: ask git itself below.
    }
  }
  const dir = path.dirname(file);
  const top = (await run(dir, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) return null;
  const relative = path.relative(top, file).split(path.sep).join("/");
  const text = await run(top, ["show", `HEAD:${relative}`]);
  return text ?? null;
}

export async function whatWillThisChangeDo(client: LanguageClient): Promise<void> {
  const { files } = await client.sendRequest<ImpactFilesResult>(ImpactFilesRequest, {});
  if (!files.length) {
    void vscode.window.showInformationMessage("No keepalived configuration in this workspace.");
    return;
  }
  const api = await gitApi();
  const before: Record<string, string | null> = {};
  await Promise.all(files.map(async (f) => (before[f] = await headText(f, api))));
  if (Object.values(before).every((t) => t === null)) {
    void vscode.window.showWarningMessage("The keepalived files are not in a git repository with a HEAD commit: nothing to compare with.");
    return;
  }
  const result = await client.sendRequest<ImpactResult>(ImpactRequest, { before });
  const header = "What this change does when it is rolled out (working copy against git HEAD)\n\n";
  const doc = await vscode.workspace.openTextDocument({ content: header + result.text, language: "plaintext" });
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
