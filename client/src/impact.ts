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

/** The file's text at HEAD, or null when HEAD has no such file (or it is in no repository). */
async function headText(file: string, api: GitApi | undefined): Promise<string | null> {
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
  // `HEAD:./name` is resolved by git from the file's own folder, so a repository reached through a
  // symbolic link (or a path spelled differently from git's toplevel) still finds the file.
  const text = await run(path.dirname(file), ["show", `HEAD:./${path.basename(file)}`]);
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
  const readHead = (list: string[]) => Promise.all(list.map(async (f) => (before[f] = await headText(f, api))));
  await readHead(files);
  let result = await client.sendRequest<ImpactResult>(ImpactRequest, { before });
  // Right after start-up the server may know only the open buffers; once its folder scan is in, it
  // names the files it had no old text for. A few rounds at most: the list only grows with the scan.
  for (let round = 0; round < 3 && result.missing?.length; round++) {
    await readHead(result.missing);
    result = await client.sendRequest<ImpactResult>(ImpactRequest, { before });
  }
  if (Object.values(before).every((t) => t === null)) {
    void vscode.window.showWarningMessage("The keepalived files are not in a git repository with a HEAD commit: nothing to compare with.");
    return;
  }
  const header = "What this change does when it is rolled out (working copy against git HEAD)\n\n";
  const doc = await vscode.workspace.openTextDocument({ content: header + result.text, language: "plaintext" });
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
