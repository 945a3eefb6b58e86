// The client pulls inlay hints when the document it shows changes, not when a peer does. A peer's
// edit (open or on disk) can change "held by lb-a" or "→ 90 if chk fails" in a file that was not
// touched. So the hints served are remembered per file (with the range asked and the file's text);
// after a change, when an open file's text is the same but its hints for that range are not, the
// client is asked to pull them again (workspace/inlayHint/refresh). Only for clients that support it.
import type { Connection, InlayHint, InlayHintParams } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { inlayHints } from "./inlayHints";
import { uriToPath } from "./uris";

/** Open files remembered: a client with hundreds of open files gets refreshes for the latest ones. */
const MAX_REMEMBERED = 50;

interface Served {
  params: InlayHintParams;
  text: string | undefined;
  hints: string;
}

export class InlayHintRefresher {
  /** Set from the client's capabilities (workspace.inlayHint.refreshSupport). */
  supported = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly served = new Map<string, Served>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  /** textDocument/inlayHint: the hints, remembered as what the client now shows. */
  hints(params: InlayHintParams): InlayHint[] {
    const hints = inlayHints(this.index, params);
    if (this.supported) {
      const uri = params.textDocument.uri;
      this.served.delete(uri);
      this.served.set(uri, { params, text: this.index.text(uriToPath(uri)), hints: JSON.stringify(hints) });
      if (this.served.size > MAX_REMEMBERED) this.served.delete(this.served.keys().next().value!);
    }
    return hints;
  }

  /** After a burst of changes, and after the diagnostics (which are what typing waits for). */
  schedule(): void {
    if (!this.supported || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        if (this.stale()) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
      } catch {
        // Never die for a convenience: the next change tries again.
      }
    }, 300);
  }

  /** Whether an open file whose text is unchanged would now get other hints than it was served. */
  private stale(): boolean {
    let stale = false;
    for (const [uri, s] of [...this.served]) {
      if (!this.isOpen(uri)) {
        this.served.delete(uri);
        continue;
      }
      // Its own edit makes the client ask again anyway.
      if (this.index.text(uriToPath(uri)) !== s.text) continue;
      const hints = JSON.stringify(inlayHints(this.index, s.params));
      if (hints === s.hints) continue;
      stale = true;
      // Asked once: a file the client does not show now is not refreshed again for the same hints.
      s.hints = hints;
    }
    return stale;
  }
}
