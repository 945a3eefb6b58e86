// The comparison webview's page: the table is built by media/compare.js from posted data.
import { webviewShell } from "../webview/shell";
import type { PageOptions } from "../topology/page";

export function comparePageHtml(o: PageOptions): string {
  return webviewShell({
    ...o,
    title: "Keepalived: compare with peer",
    body: `<header>
  <span id="title">Compare with peer</span>
  <span class="actions"><button id="open-diff" type="button">Open diff editor</button></span>
</header>
<main id="tables" aria-live="polite"><p class="empty">Waiting for the analysis…</p></main>`,
  });
}
