// Tells the client which files are part of a keepalived configuration (a root found by the
// `keepalived.files` glob, or anything a root includes), whatever their name, so the editor can
// switch `../common/scripts.conf` from "Properties" to keepalived. Sent only when the set changes.
import type { Connection } from "vscode-languageserver/node";
import { ConfigFilesNotification, ConfigFilesParams } from "../protocol";
import type { WorkspaceIndex } from "./workspaceIndex";
import { pathToUri } from "./uris";

/** Every file read by some node, sorted. */
export function configFilesOf(index: WorkspaceIndex): string[] {
  const files = new Set<string>();
  for (const node of index.workspace.nodes()) {
    files.add(node.root);
    for (const f of node.config.files) files.add(f);
  }
  return [...files].sort();
}

export class ConfigFilesNotifier {
  private last = "";
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
  ) {}

  /** After a burst of changes (the set rarely changes; typing in a block never does), send it if new. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        const uris = configFilesOf(this.index).map(pathToUri);
        const key = uris.join("\n");
        if (key === this.last) return;
        this.last = key;
        void this.connection.sendNotification(ConfigFilesNotification, { uris } satisfies ConfigFilesParams);
      } catch {
        // Never die for a convenience: the next change tries again.
      }
    }, 50);
  }
}
