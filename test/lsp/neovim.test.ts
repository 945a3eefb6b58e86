// A second, independent LSP client: headless Neovim attaches `node dist/server.js --stdio` to a file
// with a planted mistake and writes the diagnostics it receives to a JSON file.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SERVER } from "./lspClient";

const LUA = String.raw`
local out, file, server, node, root = os.getenv("KA_OUT"), os.getenv("KA_FILE"), os.getenv("KA_SERVER"), os.getenv("KA_NODE"), os.getenv("KA_ROOT")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local function finish(payload)
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(payload))
  f:close()
  vim.cmd("qall!")
end
local client_id = vim.lsp.start_client({
  name = "keepalived",
  cmd = { node, server, "--stdio" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "root" } },
  handlers = {
    ["textDocument/publishDiagnostics"] = function(_, result)
      if result.uri == vim.uri_from_bufnr(bufnr) and #result.diagnostics > 0 then finish(result) end
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)
vim.defer_fn(function() finish({ timeout = true }) end, 15000)
`;

function hasNvim(): boolean {
  return spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;
}

test("Neovim receives the server's diagnostics for a planted mistake", { skip: hasNvim() ? false : "nvim is not installed (apt-get install -y neovim); CI installs it" }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kanvim-"));
  try {
    const file = path.join(dir, "keepalived.conf");
    fs.writeFileSync(file, "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priorty 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n");
    const script = path.join(dir, "attach.lua");
    fs.writeFileSync(script, LUA);
    const out = path.join(dir, "diagnostics.json");
    const r = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-c", `luafile ${script}`], {
      env: { ...process.env, KA_OUT: out, KA_FILE: file, KA_SERVER: SERVER, KA_NODE: process.execPath, KA_ROOT: dir },
      timeout: 30000,
      encoding: "utf8",
    });
    assert.ok(fs.existsSync(out), `nvim wrote nothing (status ${r.status}): ${r.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, "utf8"));
    assert.ok(!result.timeout, "no diagnostics within 15 s");
    const unknown = result.diagnostics.find((d: { code: string }) => d.code === "unknown-keyword");
    assert.ok(unknown, JSON.stringify(result.diagnostics));
    assert.equal(unknown.range.start.line, 4);
    assert.equal(unknown.source, "keepalived");
    assert.match(unknown.message, /Did you mean 'priority'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
