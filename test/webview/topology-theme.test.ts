// The topology page under VS Code's themes, in headless Chromium: it takes its colours from the
// --vscode-* variables VS Code sets (dark, light, high contrast), exports a PNG of what is shown,
// keeps 50 instances readable (the pane scrolls instead of shrinking the text), and asks for the
// whole workspace only on request.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, Page } from "playwright-core";
import { REPO, workspaceOf, exampleWorkspace } from "../helpers";
import { topologyPageHtml } from "../../client/src/topology/page";
import { buildTopology, Topology } from "../../server/src/core/topology/model";
import { renderSvg } from "../../server/src/core/topology/svg";
import type { Workspace } from "../../server/src/core/check/workspace";

const CHROMIUM = "/usr/bin/chromium";
const SKIP = fs.existsSync(CHROMIUM) ? false : "chromium not installed (apt-get install chromium)";
const ARTIFACTS = path.join(REPO, "test-artifacts");
const SHIM = "window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });";

/** What VS Code puts on <html style> and <body class> for a theme (a few of the variables). */
const THEMES = {
  dark: { kind: "vscode-dark", vars: { "editor-background": "#1e1e1e", "editorWidget-background": "#252526", "editor-foreground": "#d4d4d4", foreground: "#cccccc", "testing-iconPassed": "#73c991", "textLink-foreground": "#3794ff", "errorForeground": "#f48771", "editorWidget-border": "#454545" } },
  light: { kind: "vscode-light", vars: { "editor-background": "#ffffff", "editorWidget-background": "#f3f3f3", "editor-foreground": "#000000", foreground: "#616161", "testing-iconPassed": "#388a34", "textLink-foreground": "#006ab1", "errorForeground": "#a1260d", "editorWidget-border": "#c8c8c8" } },
  "high-contrast": { kind: "vscode-high-contrast", vars: { "editor-background": "#000000", "editorWidget-background": "#0c141f", "editor-foreground": "#ffffff", foreground: "#ffffff", "testing-iconPassed": "#73c991", "textLink-foreground": "#21a6ff", "errorForeground": "#f48771", "contrastBorder": "#6fc3df" } },
} as const;

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function withTopologyPage(use: (page: Page) => Promise<void>, viewport = { width: 1000, height: 600 }): Promise<void> {
  const server = http.createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const files: Record<string, [string, string]> = {
      "/": ["text/html", topologyPageHtml({ cspSource: origin, nonce: "testnonce123", scriptUris: [`${origin}/shim.js`, `${origin}/vendor/purify.min.js`, `${origin}/topology.js`], styleUri: `${origin}/topology.css` })],
      "/shim.js": ["text/javascript", SHIM],
      "/topology.js": ["text/javascript", fs.readFileSync(path.join(REPO, "client/media/topology.js"), "utf8")],
      // The SVG sanitizer the extension ships (copied from node_modules/dompurify by the build).
      "/vendor/purify.min.js": ["text/javascript", fs.readFileSync(path.join(REPO, "client/media/vendor/purify.min.js"), "utf8")],
      "/topology.css": ["text/css", fs.readFileSync(path.join(REPO, "client/media/topology.css"), "utf8")],
    };
    const f = files[req.url ?? "/"];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": f[0] }).end(f[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === "ready"));
    await use(page);
  } finally {
    await browser.close();
    server.close();
  }
}

async function applyTheme(page: Page, theme: keyof typeof THEMES) {
  const { kind, vars } = THEMES[theme];
  await page.evaluate(([kind, vars]) => {
    document.body.className = kind as string;
    for (const [k, v] of Object.entries(vars as Record<string, string>)) document.documentElement.style.setProperty(`--vscode-${k}`, v);
  }, [kind, vars] as const);
}

async function update(page: Page, t: Topology, svg: string) {
  const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
  await page.evaluate(([topology, svg]) => window.postMessage({ type: "update", topology, svg, title: "test" }, "*"), [t, svg] as const);
  await page.waitForFunction((n) => Number(document.body.dataset.rendered ?? 0) > n, before);
}

const topologyOf = (ws: Workspace) => buildTopology(ws.clusters(), ws.diagnostics(), {});
const nodeBox = (page: Page) => page.locator("#graph svg g.node", { hasText: "lb-b" }).first().locator("polygon").first();

test("the picture takes the theme's colours: dark, light and high contrast", { skip: SKIP }, async () => {
  const t = topologyOf(exampleWorkspace());
  const svg = await renderSvg(t);
  await withTopologyPage(async (page) => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
      await applyTheme(page, theme);
      await update(page, t, svg);
      const vars = THEMES[theme].vars as Record<string, string>;
      const style = await nodeBox(page).evaluate((e) => ({ fill: getComputedStyle(e).fill, stroke: getComputedStyle(e).stroke, width: getComputedStyle(e).strokeWidth }));
      const label = await page.locator("#graph svg g.node text", { hasText: "lb-b" }).first().evaluate((e) => getComputedStyle(e).fill);
      assert.equal(style.fill, theme === "high-contrast" ? rgb(vars["editor-background"]) : rgb(vars["editorWidget-background"]), `${theme}: node fill`);
      assert.equal(label, rgb(vars["editor-foreground"]), `${theme}: label colour`);
      if (theme === "high-contrast") {
        assert.equal(style.stroke, rgb(vars.contrastBorder));
        assert.equal(style.width, "2px");
      } else assert.equal(style.stroke, rgb(vars["editorWidget-border"]), `${theme}: node border`);
      const master = await page.locator("#graph svg text", { hasText: /^MASTER \d+$/ }).first().evaluate((e) => getComputedStyle(e).fill);
      assert.equal(master, rgb(vars["testing-iconPassed"]), `${theme}: MASTER is drawn in the theme's "passed" colour`);
      await page.screenshot({ path: path.join(ARTIFACTS, `topology-${theme}.png`) });
    }
  });
});

test("Export PNG sends a PNG of the picture as shown, in the theme's colours", { skip: SKIP }, async () => {
  const t = topologyOf(exampleWorkspace());
  const svg = await renderSvg(t);
  await withTopologyPage(async (page) => {
    await applyTheme(page, "dark");
    await update(page, t, svg);
    const shown = (await page.locator("#graph svg").boundingBox())!;
    const inside = (await nodeBox(page).boundingBox())!;
    await page.locator("#export-png").click();
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === "exportPng"));
    const base64 = await page.evaluate(() => (window as unknown as { __posted: { type: string; base64: string }[] }).__posted.find((m) => m.type === "exportPng")!.base64);
    const png = Buffer.from(base64, "base64");
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.equal(width, Math.ceil(shown.width) * 2);
    assert.equal(height, Math.ceil(shown.height) * 2);
    // A pixel inside lb-b's box has the dark theme's widget background, not Graphviz's light blue.
    const x = (inside.x - shown.x + 6) * 2;
    const y = (inside.y - shown.y + inside.height / 2) * 2;
    const pixel = await page.evaluate(
      ([b64, x, y]) =>
        new Promise<number[]>((resolve) => {
          const img = new Image();
          img.onload = () => {
            const c = document.createElement("canvas");
            c.width = img.width;
            c.height = img.height;
            const ctx = c.getContext("2d")!;
            ctx.drawImage(img, 0, 0);
            resolve([...ctx.getImageData(Math.round(x as number), Math.round(y as number), 1, 1).data].slice(0, 3));
          };
          img.src = "data:image/png;base64," + b64;
        }),
      [base64, x, y] as const,
    );
    assert.deepEqual(pixel, [0x25, 0x25, 0x26]);
  });
});

test("50 instances stay readable: the text keeps its size and the pane scrolls", { skip: SKIP }, async () => {
  const files: Record<string, string> = {};
  for (let c = 0; c < 25; c++)
    for (const [node, prio] of [["a", 150], ["b", 100]] as const)
      files[`lb${c}-${node}/keepalived.conf`] = `global_defs {\n    router_id lb${c}-${node}\n}\nvrrp_instance VI_${c} {\n    state ${node === "a" ? "MASTER" : "BACKUP"}\n    interface eth0\n    virtual_router_id ${c + 1}\n    priority ${prio}\n    virtual_ipaddress {\n        192.0.2.${c + 1}/24\n    }\n}\n`;
  const t = topologyOf(workspaceOf(files));
  assert.equal(t.clusters.length, 25);
  const svg = await renderSvg(t);
  await withTopologyPage(async (page) => {
    await update(page, t, svg);
    const heights = await page.locator("#graph svg g.node text").evaluateAll((texts) => texts.map((e) => e.getBoundingClientRect().height));
    assert.ok(heights.length >= 50, `${heights.length} labels`);
    assert.ok(Math.min(...heights) >= 10, `smallest label is ${Math.min(...heights).toFixed(1)} px high`);
    const scroll = await page.locator("#graph").evaluate((e) => ({ scroll: e.scrollHeight + e.scrollWidth, client: e.clientHeight + e.clientWidth }));
    assert.ok(scroll.scroll > scroll.client, "the pane scrolls");
  });
});

test("the page asks for the whole workspace only when the user presses the button", { skip: SKIP }, async () => {
  const t = topologyOf(exampleWorkspace());
  await withTopologyPage(async (page) => {
    await update(page, t, await renderSvg(t));
    const posted = () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === "scope"));
    assert.deepEqual(await posted(), []);
    await page.locator("#scope").click();
    assert.deepEqual(await posted(), [{ type: "scope", workspace: true }]);
  });
});
