// `keepalived-lint format` reads and writes bytes: a BOM, a no-break space and bytes that are not
// UTF-8 come back exactly as they were; only blanks between tokens and line breaks at braces change.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO, lint } from "../helpers";

const messy = (parts: Buffer[]) => Buffer.concat(parts);
const ascii = (s: string) => Buffer.from(s, "latin1");
// BOM, then a UTF-8 no-break space inside a word, then a latin1 é (0xE9, not UTF-8) in a comment and a word.
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NBSP = Buffer.from([0xc2, 0xa0]);
const E_ACUTE = Buffer.from([0xe9]);
const input = messy([BOM, ascii("global_defs {\n  router_id   lb"), NBSP, ascii("a\n  notification_email_from caf"), E_ACUTE, ascii("@example.com   # caf"), E_ACUTE, ascii("\n}\nvrrp_script chk {\nscript /bin/true\nweight -20 }\n")]);
const expected = messy([BOM, ascii("global_defs {\n    router_id lb"), NBSP, ascii("a\n    notification_email_from caf"), E_ACUTE, ascii("@example.com   # caf"), E_ACUTE, ascii("\n}\nvrrp_script chk {\n    script /bin/true\n    weight -20\n}\n")]);

test("format --write keeps a BOM, a no-break space and non-UTF-8 bytes byte for byte", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-format-"));
  try {
    const file = path.join(dir, "keepalived.conf");
    fs.writeFileSync(file, input);
    const r = lint(["format", "--write", "keepalived.conf"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fs.readFileSync(file), expected);
    // Printing gives the same bytes; --check then finds nothing to do.
    fs.writeFileSync(file, input);
    const printed = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "format", "keepalived.conf"], { cwd: dir });
    assert.deepEqual(printed.stdout, expected);
    fs.writeFileSync(file, expected);
    assert.equal(lint(["format", "--check", "keepalived.conf"], dir).code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
