// Script paths in the editor: a link to the script kept in the workspace, and its first lines on hover.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient, uriOf } from "./lspClient";
// markdown-it comes with @vscode/vsce; VS Code renders hovers as CommonMark too.
import MarkdownIt = require("markdown-it");

test("a notify script found under an include root is a link, and hover shows its first lines", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-scripts-"));
  const conf = path.join(dir, "keepalived.conf");
  fs.mkdirSync(path.join(dir, "etc", "keepalived"), { recursive: true });
  fs.writeFileSync(path.join(dir, "etc", "keepalived", "notify.sh"), "#!/bin/sh\n# tell the pager\nlogger \"$1 $2 $3\"\n");
  fs.writeFileSync(conf, 'vrrp_instance V {\n  virtual_router_id 1\n  notify_master "/etc/keepalived/notify.sh master"\n  notify_backup "/opt/nowhere/notify.sh"\n}\n');
  const client = new TestClient();
  try {
    client.settings = { includeRoots: [dir] };
    await client.initialize([dir]);
    const uri = await client.open(conf);
    await client.waitFor(() => !!client.diagnostics.get(uri)?.some((d) => d.code === "notify-script-missing"));
    const missing = client.diagnostics.get(uri)!.filter((d) => d.code === "notify-script-missing");
    assert.deepEqual(missing.map((d) => d.range.start.line), [3], "only the script that exists nowhere");
    const links = await client.request<{ range: { start: { line: number; character: number } }; target: string }[]>("textDocument/documentLink", { textDocument: { uri } });
    const link = links.find((l) => l.range.start.line === 2)!;
    assert.equal(link.target, uriOf(path.join(dir, "etc", "keepalived", "notify.sh")));
    assert.equal(link.range.start.character, 17);
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 20 } });
    assert.match(hover.contents.value, /# tell the pager/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a script's preview is shown as text: its fences, links and remote images are not rendered", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalsp-scripts-"));
  const conf = path.join(dir, "keepalived.conf");
  fs.mkdirSync(path.join(dir, "etc", "keepalived"), { recursive: true });
  // Fence lines of every length a naive preview might use, then markdown that would phone home.
  const hostile = "#!/bin/sh\n```\n````\n~~~\n[click](https://evil.example/)\n![x](https://evil.example/pixel.png)\n<img src=https://evil.example/i.png>\n";
  fs.writeFileSync(path.join(dir, "etc", "keepalived", "notify.sh"), hostile);
  fs.writeFileSync(conf, 'vrrp_instance V {\n  virtual_router_id 1\n  notify_master "/etc/keepalived/notify.sh"\n}\n');
  const client = new TestClient();
  try {
    client.settings = { includeRoots: [dir] };
    await client.initialize([dir]);
    const uri = await client.open(conf);
    await client.waitFor(() => client.diagnostics.has(uri));
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 20 } });
    // VS Code renders hovers as CommonMark (html off): render it the same way.
    const html: string = new MarkdownIt({ html: false }).render(hover.contents.value);
    assert.doesNotMatch(html, /<a |<img /, "no link and no image is rendered");
    const code = /<pre><code class="language-sh">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? "";
    const shown = code.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    assert.equal(shown.trimEnd(), hostile.trimEnd(), "the whole script is inside one code block, verbatim");
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
