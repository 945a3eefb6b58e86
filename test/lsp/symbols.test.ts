// VS Code refuses a symbol with an empty or blank name, and with it the whole answer: the Outline,
// breadcrumbs and Go to Symbol go blank for the file (or the workspace). A keyword or a name written
// `""` gave such a name.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestClient } from "./lspClient";

interface Sym {
  name: string;
  children?: Sym[];
}

const names = (list: Sym[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);

test("symbols written as \"\" get a name the editor accepts, in the outline and in workspace symbols", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-symbols-"));
  const file = path.join(dir, "keepalived.conf");
  const text = '"" {\n}\nvrrp_instance "" {\n    " " {\n    }\n}\nvrrp_script chk {\n    script /bin/true\n}\n';
  fs.writeFileSync(file, text);
  const client = new TestClient();
  try {
    await client.initialize([dir]);
    const uri = await client.open(file, text);
    const outline = await client.request<Sym[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const all = names(outline);
    assert.ok(all.length >= 4, JSON.stringify(all));
    for (const n of all) assert.ok(n.trim(), `outline name ${JSON.stringify(n)} is blank`);
    assert.ok(all.includes('""'), JSON.stringify(all));
    const symbols = await client.request<Sym[]>("workspace/symbol", { query: "" });
    assert.ok(symbols.some((s) => s.name === "chk"), JSON.stringify(symbols));
    for (const s of symbols) assert.ok(s.name.trim(), `workspace symbol name ${JSON.stringify(s.name)} is blank`);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
