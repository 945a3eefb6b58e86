// The HTML shell shared by our webviews: a strict Content-Security-Policy (scripts only by nonce,
// styles only from the extension), no inline script or style. Config-derived text never goes in here.
export interface ShellOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** Scripts to load, in order (the page script last). */
  scriptUris: string[];
  styleUri: string;
  title: string;
  /** Static markup of the page (no config-derived text). */
  body: string;
}

export function webviewShell(o: ShellOptions): string {
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
<title>${o.title}</title>
</head>
<body>
${o.body}
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
