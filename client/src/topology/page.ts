// The HTML shell of the topology webview. No inline script or style: everything config-derived
// arrives later as data (postMessage) and is put into the page with DOM APIs, never as markup.
export interface PageOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** Scripts to load, in order (the page script last). */
  scriptUris: string[];
  styleUri: string;
}

export function topologyPageHtml(o: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `font-src ${o.cspSource}`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${o.styleUri}">
<title>Keepalived failover topology</title>
</head>
<body>
<header>
  <span id="title">Failover topology</span>
  <span class="actions">
    <button id="export-svg" type="button">Export SVG</button>
    <button id="export-dot" type="button">Export DOT</button>
    <button id="export-mermaid" type="button">Export Mermaid</button>
  </span>
</header>
<section id="failures" aria-label="Simulate failures"></section>
<main id="graph" aria-live="polite"><p class="empty">Waiting for the analysis…</p></main>
<section id="summary"></section>
${o.scriptUris.map((u) => `<script nonce="${o.nonce}" src="${u}"></script>`).join("\n")}
</body>
</html>
`;
}

export function makeNonce(): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}
