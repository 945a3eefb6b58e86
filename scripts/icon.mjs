// Renders icons/keepalived.svg to icons/keepalived.png (128x128, what the Marketplace shows) with
// headless Chromium, so the PNG can be regenerated from its source:  node scripts/icon.mjs
import * as fs from "fs";
import { chromium } from "playwright-core";

const svg = fs.readFileSync("icons/keepalived.svg", "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator("svg").screenshot({ path: "icons/keepalived.png", omitBackground: true });
} finally {
  await browser.close();
}
console.log(`icons/keepalived.png: ${fs.statSync("icons/keepalived.png").size} bytes`);
