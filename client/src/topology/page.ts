// The topology webview's page. Everything config-derived arrives later as data (postMessage) and is
// put into the page with DOM APIs by media/topology.js, never as markup.
import { webviewShell } from "../webview/shell";

export interface PageOptions {
  cspSource: string;
  nonce: string;
  scriptUris: string[];
  styleUri: string;
}

export function topologyPageHtml(o: PageOptions): string {
  return webviewShell({
    ...o,
    title: "Keepalived failover topology",
    body: `<header>
  <span id="title">Failover topology</span>
  <span class="actions">
    <button id="scope" type="button" aria-pressed="false" title="Lay out every cluster of the workspace, not only those of the active file">Whole workspace</button>
    <button id="export-png" type="button">Export PNG</button>
    <button id="export-svg" type="button">Export SVG</button>
    <button id="export-dot" type="button">Export DOT</button>
    <button id="export-mermaid" type="button">Export Mermaid</button>
  </span>
</header>
<section id="failures" aria-label="Simulate failures"></section>
<main id="graph" aria-live="polite"><p class="empty">Waiting for the analysis…</p></main>
<section id="summary"></section>`,
  });
}
