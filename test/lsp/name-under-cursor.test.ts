// The name under the cursor (hover, definition) is looked for in the top-level statements around the
// position; a file included inside a block has none of its own, and is then searched whole.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { WorkspaceIndex } from "../../server/src/service/workspaceIndex";
import { hover } from "../../server/src/service/hover";
import { definition } from "../../server/src/service/definition";
import { pathToUri } from "../../server/src/service/uris";

test("a script name is found in the root file and in a file included inside the instance", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-names-"));
  try {
    const root = path.join(dir, "keepalived.conf");
    const track = path.join(dir, "track.conf");
    fs.writeFileSync(root, "vrrp_script chk {\n    script /bin/true\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 5\n    priority 100\n    include track.conf\n    track_script {\n        chk\n    }\n}\n");
    fs.writeFileSync(track, "track_script {\n    chk\n}\n");
    const index = new WorkspaceIndex();
    index.setFolders([pathToUri(dir)]);
    for (const f of [root, track]) index.open(f, fs.readFileSync(f, "utf8"));
    const defined = { uri: pathToUri(root), range: { start: { line: 0, character: 12 }, end: { line: 0, character: 15 } } };
    for (const [file, line] of [[root, 9], [track, 1], [root, 0]] as const) {
      const at = { textDocument: { uri: pathToUri(file) }, position: { line, character: line === 0 ? 13 : file === track ? 5 : 9 } };
      const shown = hover(index, at);
      assert.match(String((shown?.contents as { value: string } | undefined)?.value), /^`vrrp_script chk` — defined in/, `${path.basename(file)}:${line + 1}`);
      assert.deepEqual(JSON.parse(JSON.stringify(definition(index, at))), [defined]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
