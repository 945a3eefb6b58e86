// The CLI's folder walk: keepalived configs by content, whatever their name; other files (nginx.conf,
// units, scripts, archives, templates) left out, and listed with --verbose.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lint } from "../helpers";
import { collectConfigFiles, SkippedFile } from "../../server/src/cli/findConfigs";
import { sniffKeepalived } from "../../server/src/core/config/configNames";

function repo(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-walk-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const INSTANCE = "vrrp_instance VI_1 {\n  virtual_router_id 51\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n";

test("a repository walk takes keepalived configs by content and skips the rest, saying why with --verbose", () => {
  const dir = repo({
    "lb1/keepalived-master.conf": "! Configuration File for keepalived\n" + INSTANCE,
    "lb1/keepalived.conf.IPv6": INSTANCE,
    "common/scripts.conf": 'vrrp_script chk {\n  script "/bin/true"\n}\n',
    "router.cfg": "$IFACE=eth0\n@lb1 global_defs {\n  router_id lb1\n}\n",
    "nginx/nginx.conf": "user nginx;\nworker_processes auto;\nevents {\n}\n",
    "nginx/conf.d/site.conf": "server {\n  listen 80;\n}\n",
    "keepalived.service": "[Unit]\nDescription=keepalived\n",
    "check.sh": "#!/bin/sh\nkillall -0 haproxy\n",
    "README.md": "# keepalived\n\nvrrp_instance explained\n",
    "keepalived-2.2.7.tar.gz": Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]),
    "templates/keepalived.conf.j2": "vrrp_instance {{ name }} {\n}\n",
    "templates/nginx.conf.j2": "server {\n  listen {{ port }};\n}\n",
    "ansible/vars.yml": "state: MASTER\npriority: 150\n",
  });
  const skipped: SkippedFile[] = [];
  const taken = collectConfigFiles([dir], skipped).map((f) => path.relative(dir, f)).sort();
  // A keepalived template is checked in its static text (issue 14); another project's template is not.
  assert.deepEqual(taken, ["common/scripts.conf", "lb1/keepalived-master.conf", "lb1/keepalived.conf.IPv6", "router.cfg", "templates/keepalived.conf.j2"]);
  const why = Object.fromEntries(skipped.map((s) => [path.relative(dir, s.file), s.why]));
  assert.equal(why["keepalived-2.2.7.tar.gz"], "binary");
  assert.match(why["templates/nginx.conf.j2"], /template, not of a keepalived config/);
  assert.match(why["nginx/nginx.conf"], /not keepalived: user nginx;/);
  assert.match(why["ansible/vars.yml"], /not keepalived/);
  assert.equal(Object.keys(why).length, 8);

  const r = lint(["check", "--verbose", "."], dir);
  assert.match(r.stderr, /skipped .*nginx\.conf: first statement is not keepalived/);
  assert.match(r.stderr, /skipped .*keepalived-2\.2\.7\.tar\.gz: binary/);
  assert.doesNotMatch(lint(["check", "."], dir).stderr, /skipped/);
});

test("sniffing: comments, $VAR definitions and @id prefixes are skipped; an empty file says so", () => {
  assert.deepEqual(sniffKeepalived("# header\n! more\n\n$RID=lb1\n@lb1 global_defs {\n"), { kind: "keepalived", keyword: "global_defs" });
  assert.deepEqual(sniffKeepalived("virtual_ipaddress {\n  192.0.2.1\n}\n"), { kind: "keepalived", keyword: "virtual_ipaddress" });
  assert.deepEqual(sniffKeepalived("# nothing yet\n"), { kind: "empty" });
  assert.equal(sniffKeepalived("include /etc/nginx/mime.types;\n").kind, "other");
});
