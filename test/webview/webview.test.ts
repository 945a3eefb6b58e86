// The topology webview page in headless Chromium: it draws the example cluster, sends clicks and
// failure toggles back to the extension, and runs nothing that comes from a config.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, Browser, Page } from "playwright-core";
import { REPO, workspaceOf, exampleWorkspace } from "../helpers";
import { topologyPageHtml, PageOptions } from "../../client/src/topology/page";
import { comparePageHtml } from "../../client/src/compare/page";
import { OfferedFixes } from "../../client/src/compare/offeredFixes";
import { sourceFiles } from "../../client/src/topology/sources";
import { compareCluster } from "../../server/src/core/compare/compare";
import { buildTopology, Topology } from "../../server/src/core/topology/model";
import { renderSvg } from "../../server/src/core/topology/svg";
import type { Workspace } from "../../server/src/core/check/workspace";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(REPO, "test-artifacts");
// Stands in for VS Code's acquireVsCodeApi: records what the page posts to the extension.
const SHIM = "window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });";

/** Requests that reached /evil/ on the page's server. */
const evilHits: string[] = [];

/** Serves one of our webview pages with its media, as VS Code would, plus the API shim. */
function serve(page: (o: PageOptions) => string = topologyPageHtml, name = "topology"): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const files: Record<string, [string, string]> = {
      "/": ["text/html", page({ cspSource: origin, nonce: "testnonce123", scriptUris: [`${origin}/shim.js`, ...(name === "topology" ? [`${origin}/vendor/purify.min.js`] : []), `${origin}/${name}.js`], styleUri: `${origin}/${name}.css` })],
      "/shim.js": ["text/javascript", SHIM],
      // Copied from node_modules/dompurify by the build, as the extension ships it.
      "/vendor/purify.min.js": ["text/javascript", fs.readFileSync(path.join(REPO, "client/media/vendor/purify.min.js"), "utf8")],
      [`/${name}.js`]: ["text/javascript", fs.readFileSync(path.join(REPO, `client/media/${name}.js`), "utf8")],
      [`/${name}.css`]: ["text/css", fs.readFileSync(path.join(REPO, `client/media/${name}.css`), "utf8")],
    };
    const f = files[req.url ?? "/"];
    // /evil/... stands for an attacker's server; being the page's own origin, the CSP lets it through.
    if (req.url?.startsWith("/evil/")) evilHits.push(req.url);
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": f[0] }).end(f[1]);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })));
}

function topologyOf(ws: Workspace, failures: string[] = []): Topology {
  return buildTopology(ws.clusters(), ws.diagnostics(), { failures });
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  page.on("dialog", () => assert.fail("a dialog opened: script from the config ran"));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === "ready"));
  return page;
}

async function update(page: Page, t: Topology, svg: string) {
  const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
  await page.evaluate(([topology, svg]) => window.postMessage({ type: "update", topology, svg, title: "test" }, "*"), [t, svg] as const);
  await page.waitForFunction((n) => Number(document.body.dataset.rendered ?? 0) > n, before);
}

const available = fs.existsSync(CHROMIUM);
const SKIP = available ? false : "chromium not installed (apt-get install chromium)";

/** Serves one of our pages, opens it in headless Chromium, runs `use`, and cleans up. */
async function withPage(use: (page: Page) => Promise<void>, page: (o: PageOptions) => string = topologyPageHtml, name = "topology"): Promise<void> {
  const server = await serve(page, name);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"] });
  try {
    await use(await openPage(browser, server.url));
  } finally {
    await browser.close();
    server.close();
  }
}

test("the topology page draws the example cluster and talks back", { skip: SKIP }, async () => {
  const ws = exampleWorkspace();
  await withPage(async (page) => {
    const t = topologyOf(ws);
    await update(page, t, await renderSvg(t));
    const box = await page.locator("#graph svg").boundingBox();
    assert.ok(box && box.width > 200 && box.height > 80, `svg is ${JSON.stringify(box)}`);
    const text = await page.locator("#graph svg").textContent();
    for (const s of ["lb-a", "lb-b", "192.0.2.10/24", "MASTER"]) assert.ok(text?.includes(s), `picture lacks ${s}`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const shot = await page.screenshot({ path: path.join(ARTIFACTS, "topology.png") });
    assert.ok(shot.length > 10_000, "screenshot looks blank");

    // Toggling lb-a as failed asks the extension for a new simulation.
    await page.locator('input[data-failure="lb-a"]').check();
    const posted = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
    assert.deepEqual(posted[posted.length - 1], { type: "simulate", failures: ["lb-a"] });
    const after = topologyOf(ws, ["lb-a"]);
    await update(page, after, await renderSvg(after));
    assert.match((await page.locator("#summary").textContent()) ?? "", /With lb-a failed: MASTER on lb-b \(100\) \(was lb-a\)/);
    assert.match((await page.locator("#graph svg").textContent()) ?? "", /MASTER: lb-b/);

    // Clicking a node asks to reveal its line; the panel opens only files the picture was drawn from.
    await page.locator("#graph svg g.node", { hasText: "lb-b" }).first().click();
    const last = await page.evaluate(() => (window as unknown as { __posted: { type: string; source?: { file: string } }[] }).__posted.pop());
    assert.equal(last?.type, "reveal");
    assert.match(last?.source?.file ?? "", /lb-b/);
    assert.ok(sourceFiles(after).has(last?.source?.file));
    assert.ok(!sourceFiles(after).has("/etc/shadow"));
  });
});

test("HTML and script in instance names, paths and labels never execute", { skip: SKIP }, async () => {
  const evil = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  const conf = (state: string, prio: number) =>
    `vrrp_script "${evil}" {\n  script "/bin/${evil}"\n  weight -10\n}\nvrrp_instance "${evil}" {\n  state ${state}\n  virtual_router_id 9\n  priority ${prio}\n  virtual_ipaddress {\n    192.0.2.99/24 label "${evil}"\n  }\n  track_script {\n    "${evil}"\n  }\n}\n`;
  const ws = workspaceOf({ "a/keepalived.conf": conf("MASTER", 150), "b/keepalived.conf": conf("BACKUP", 100) });
  await withPage(async (page) => {
    const t = topologyOf(ws);
    await update(page, t, await renderSvg(t));
    // Even a hostile SVG (not what Graphviz writes) is defused by the page.
    await update(page, t, `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=3"><script>window.__xss=4</script><a href="javascript:window.__xss=5"><text y="20">${"x"}</text></a></svg>`);
    await page.locator("#graph svg text").first().click();
    await page.waitForTimeout(50);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.equal(await page.locator("#graph img, #graph script, #summary img").count(), 0);
    // The names are shown as text.
    await update(page, t, await renderSvg(t));
    assert.ok(((await page.locator("#failures").textContent()) ?? "").includes("<img src=x"));
  });
});

test("a hostile SVG cannot navigate, load, or run anything: meta refresh, SMIL, @import, foreignObject, external images", { skip: SKIP }, async () => {
  const ws = exampleWorkspace();
  await withPage(async (page) => {
    const origin = new URL(page.url()).origin;
    const evil = `${origin}/evil`;
    const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="200">
<h:meta http-equiv="refresh" content="0;url=${evil}/refresh"/>
<meta http-equiv="refresh" content="0;url=${evil}/refresh2"/>
<style>@import url("${evil}/import.css"); text { fill: red }</style>
<a id="set"><set attributeName="href" to="javascript:window.__xss=6"/><text y="20">set</text></a>
<a id="anim"><animate attributeName="href" values="javascript:window.__xss=7" dur="1s"/><text y="40">animate</text></a>
<a xlink:href="javascript:window.__xss=8"><text y="60">xlink</text></a>
<a href="${evil}/navigate"><text y="80">link</text></a>
<foreignObject width="100" height="100"><h:iframe src="${evil}/frame"/><h:img src="${evil}/fo.png"/><h:script>window.__xss=9</h:script></foreignObject>
<image href="${evil}/image.png" width="10" height="10"/>
<image xlink:href="${evil}/ximage.png" width="10" height="10"/>
<use href="${evil}/use.svg#x"/>
<rect width="10" height="10" style="fill:url(${evil}/style.png)" fill="url(${evil}/fill.svg#g)"/>
<g class="node" id="node-0"><text y="100" id="survivor">still here</text></g>
</svg>`;
    evilHits.length = 0;
    const t = topologyOf(ws);
    await update(page, t, svg);
    for (const label of ["set", "animate", "xlink", "link"]) await page.locator("#graph svg text", { hasText: label }).first().click({ force: true, timeout: 500 }).catch(() => undefined);
    await page.waitForTimeout(1200);
    assert.equal(new URL(page.url()).pathname, "/", "the page did not navigate");
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, "no script ran");
    assert.deepEqual(evilHits, [], "nothing was fetched from the attacker's server");
    assert.equal(await page.locator("#graph meta, #graph style, #graph set, #graph animate, #graph foreignObject, #graph image, #graph use, #graph iframe, #graph script").count(), 0);
    assert.equal(await page.locator("#graph [href], #graph [style]").count(), 0);
    if (process.env.DEBUG_SVG) console.log(await page.locator("#graph").innerHTML());
    // What Graphviz draws survives: shapes, texts, their ids and classes.
    assert.equal(await page.locator("#graph svg g.node#node-0 #survivor").textContent(), "still here");
    assert.equal(await page.locator("#graph svg rect").count(), 1);
  });
});

test("the comparison page highlights the mismatch and offers its fix; only the offered fix can be applied", { skip: SKIP }, async () => {
  const ws = exampleWorkspace();
  const table = compareCluster(ws.clusters().clusters[0], ws.diagnostics());
  const vridFix = { title: "Use virtual_router_id 51", changes: { "file:///x": [{ range: { start: { line: 3, character: 22 }, end: { line: 3, character: 24 } }, newText: "51" }] } };
  const offered = new OfferedFixes();
  const tables = offered.offer([{ ...table, fixes: { virtual_router_id: [vridFix] } }]);
  await withPage(async (page) => {
    await page.evaluate((t) => window.postMessage({ type: "update", title: "lb-a ↔ lb-b", tables: t }, "*"), tables);
    await page.waitForSelector("tr.mismatch");
    assert.deepEqual(await page.locator("tr.mismatch").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.setting)), ["virtual_router_id"]);
    assert.equal(await page.locator('tr[data-setting="state"]').getAttribute("class"), "expected");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "compare.png") });
    await page.locator("tr.mismatch button.fix").click();
    const last = await page.evaluate(() => (window as unknown as { __posted: { type: string; id?: unknown }[] }).__posted.pop());
    assert.equal(last?.type, "fix");
    // The page names the fix; the panel applies the edit the server proposed under that name.
    assert.deepEqual(offered.changesFor(last?.id), vridFix.changes);
    // A value click reveals its cell's file; any other file the page names is refused.
    const cellFile = table.rows.flatMap((r) => r.cells).find((c) => c.file)!.file!;
    assert.ok(offered.shownFile(cellFile));
    assert.ok(!offered.shownFile("file:///etc/shadow"));
  }, comparePageHtml, "compare");
  // A page that posts its own edit, an id never offered, or one from an earlier comparison gets nothing.
  const forged = { type: "fix", changes: { "file:///etc/passwd": [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "x" }] } } as { id?: unknown };
  assert.equal(offered.changesFor(forged.id), undefined);
  assert.equal(offered.changesFor("999.0"), undefined);
  assert.equal(offered.changesFor({ toString: () => tables[0].fixes.virtual_router_id[0].id }), undefined);
  const stale = tables[0].fixes.virtual_router_id[0].id;
  offered.offer([{ ...table, fixes: {} }]);
  assert.equal(offered.changesFor(stale), undefined, "a refresh withdraws the fixes it no longer shows");
});
