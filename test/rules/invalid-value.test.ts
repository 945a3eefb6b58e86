import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { check, linesOf, withCode } from "../helpers";
import { keepalivedBinary } from "../oracle/keepalivedOracle";

const instance = (body: string) => `vrrp_instance VI_1 {\n  virtual_router_id 51\n${body}\n}\n`;

test("an out-of-range virtual_router_id is an error", () => {
  const d = check("vrrp_instance VI_1 {\n  virtual_router_id 256\n}\n");
  assert.deepEqual(linesOf(d, "invalid-value"), [2]);
  assert.match(withCode(d, "invalid-value")[0].message, /out of range/);
});

test("a bad enum value lists the allowed ones", () => {
  const d = withCode(check(instance("  state MASTR")), "invalid-value");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /MASTER/);
});

test("a malformed virtual address is an error on its line", () => {
  const d = check(instance("  virtual_ipaddress {\n    192.0.2.300/24\n    192.0.2.4/24\n  }"));
  assert.deepEqual(linesOf(d, "invalid-value"), [4]);
});

test("a missing value is reported on the keyword", () => {
  const d = check(instance("  priority"));
  assert.deepEqual(linesOf(d, "invalid-value"), [3]);
});

test("a track_script weight out of range is reported", () => {
  const d = check("vrrp_script chk {\n  script /bin/true\n}\n" + instance("  track_script {\n    chk weight 300\n  }"));
  assert.deepEqual(linesOf(d, "invalid-value"), [7]);
});

test("valid values pass", () => {
  const d = check(instance("  priority 255\n  advert_int 0.5\n  state BACKUP\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n    fe80::1\n  }"));
  assert.deepEqual(linesOf(d, "invalid-value"), []);
});

test("values from $NAME definitions are checked after substitution", () => {
  const d = check("$VRID=300\nvrrp_instance VI_1 {\n  virtual_router_id $VRID\n}\n");
  assert.deepEqual(linesOf(d, "invalid-value"), [3]);
  assert.deepEqual(linesOf(check("$VRID=30\nvrrp_instance VI_1 {\n  virtual_router_id $VRID\n}\n"), "invalid-value"), []);
});

test("an address option keepalived does not know is reported; known options pass", () => {
  const d = check(instance("  virtual_ipaddress {\n    10.0.0.1/24 via 10.0.0.254\n    10.0.0.2/24 dev eth0 label eth0:1 scope global no_track\n    10.0.0.3/24 brd 10.0.0.255 -nodad\n  }"));
  // keepalived complains about each word it does not take: 'via' and the address after it.
  assert.deepEqual(linesOf(d, "invalid-value"), [4, 4]);
});

test("a route starting with src has its src address checked", () => {
  const d = check("static_routes {\n  src 10.0.0.256 10.1.0.0/24 via 10.0.0.1 dev eth0\n  src 10.0.0.1 10.2.0.0/24 via 10.0.0.1 dev eth0\n}\n");
  assert.deepEqual(linesOf(d, "invalid-value"), [2]);
});

test("virtual_server needs an IP address (or fwmark / group)", () => {
  assert.deepEqual(linesOf(check("virtual_server 10.10.10 80 {\n}\n"), "invalid-value"), [1]);
  assert.deepEqual(linesOf(check("virtual_server 10.10.10.1 80 {\n}\nvirtual_server fwmark 5 {\n}\nvirtual_server group G {\n}\nvirtual_server fe80::1 443 {\n}\n"), "invalid-value"), []);
});

test("smtp_server: a host name passes, a broken dotted address does not", () => {
  assert.deepEqual(linesOf(check("global_defs {\n  smtp_server 192.168.200.256\n}\n"), "invalid-value"), [2]);
  assert.deepEqual(linesOf(check("global_defs {\n  smtp_server mail.example.com 25\n  smtp_server 10.0.0.1\n}\n"), "invalid-value"), []);
});

test("HTTP status codes: single codes and ranges between 100 and 599", () => {
  const conf = (codes: string) => `virtual_server 192.0.2.1 80 {\n  real_server 10.0.0.1 80 {\n    HTTP_GET {\n      url {\n        path /\n        status_code ${codes}\n      }\n    }\n  }\n}\n`;
  assert.deepEqual(linesOf(check(conf("200 204 300-399")), "invalid-value"), []);
  const bad = withCode(check(conf("200 299-200 700 2xx")), "invalid-value");
  assert.deepEqual(bad.map((d) => d.range.start.character), [24, 32, 36]);
});

test("unicast_src_ip and unicast_peer with a /prefix: keepalived drops the prefix and uses the address (a warning, not an error)", () => {
  const d = withCode(check(instance("  unicast_src_ip 10.0.0.1/24\n  unicast_peer {\n    10.0.0.2/24\n    10.0.0.3\n  }")), "invalid-value");
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.severity]), [[3, "warning"], [5, "warning"]]);
  assert.match(d[0].message, /ignores '\/24' in '10\.0\.0\.1\/24' and uses 10\.0\.0\.1/);
  // What is left must still be an address.
  const bad = withCode(check(instance("  unicast_src_ip 10.0.0/24\n  unicast_peer {\n    peer-a/24\n  }")), "invalid-value");
  assert.deepEqual(bad.map((x) => [x.range.start.line + 1, x.severity]), [[3, "error"], [5, "error"]]);
});

test("a peer written with its prefix is the same peer for cluster analysis", () => {
  const node = (src: string, peer: string, prio: number) =>
    `vrrp_instance VI_1 {\n  interface eth0\n  state BACKUP\n  virtual_router_id 51\n  priority ${prio}\n  unicast_src_ip ${src}\n  unicast_peer {\n    ${peer}\n  }\n  virtual_ipaddress {\n    10.0.0.100\n  }\n}\n`;
  const d = check({ "a/keepalived.conf": node("10.0.0.1/24", "10.0.0.2/24", 100), "b/keepalived.conf": node("10.0.0.2", "10.0.0.1", 90) });
  assert.deepEqual(withCode(d, "unicast-peer-mismatch"), []);
});

test("track_script `chk weight=0`: only 'weight' may follow the name, keepalived drops the line", () => {
  const d = withCode(
    check(`vrrp_script chk {\n  script /bin/true\n}\n${instance("  track_script {\n    chk weight=0\n  }\n  track_interface {\n    eth0 weight 5 noreverse\n  }")}`),
    "invalid-value",
  );
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.severity]), [[7, "error"], [10, "warning"]]);
  assert.match(d[0].message, /does not track 'chk'.*'weight 0', with a blank/);
  assert.match(d[1].message, /'noreverse' is not a weight option for interface/);
});

test("an empty notification_email block is a warning, as keepalived warns", () => {
  const d = withCode(check("global_defs {\n  notification_email {\n  }\n  router_id lb1\n}\n"), "invalid-value");
  assert.deepEqual(d.map((x) => [x.range.start.line + 1, x.severity]), [[2, "warning"]]);
  assert.match(d[0].message, /empty notification_email block/);
  assert.deepEqual(withCode(check("global_defs {\n  notification_email {\n    ops@example.com\n  }\n}\n"), "invalid-value"), []);
});

test("persistence_granularity is checked by the virtual server's family, as keepalived reads it", () => {
  const vs = (addr: string, g: string) => `virtual_server ${addr} 80 {\n  protocol TCP\n  persistence_granularity ${g}\n}\n`;
  assert.deepEqual(linesOf(check(vs("10.0.0.1", "foo")), "invalid-value"), [3]);
  assert.match(withCode(check(vs("10.0.0.1", "foo")), "invalid-value")[0].message, /IPv4 netmask/);
  assert.deepEqual(linesOf(check(vs("10.0.0.1", "255.255.255.0")), "invalid-value"), []);
  assert.deepEqual(linesOf(check(vs("2001:db8::1", "64")), "invalid-value"), []);
  assert.deepEqual(linesOf(check(vs("2001:db8::1", "255.255.255.0")), "invalid-value"), [3]);
  assert.deepEqual(linesOf(check(vs("2001:db8::1", "129")), "invalid-value"), [3]);
});

test("vrrp_script `interval .2` is refused by keepalived 2.2.7 (whole seconds until 2.3.2)", () => {
  const text = `vrrp_script chk {\n  script /bin/true\n  interval .2\n}\n`;
  const old = withCode(check(text, { targetVersion: "2.2.7" }), "invalid-value");
  assert.deepEqual(old.map((x) => [x.range.start.line + 1, x.severity]), [[3, "error"]]);
  assert.match(old[0].message, /2\.2\.7 takes whole seconds only/);
  assert.deepEqual(withCode(check(text, { targetVersion: "2.3.2" }), "invalid-value"), []);
  assert.deepEqual(withCode(check(text.replace(".2", "2"), { targetVersion: "2.2.7" }), "invalid-value"), []);
});

test("a static rule with no action is an error: keepalived ignores it (\"No action specified for rule\")", () => {
  const d = check("static_rules {\n  from 192.168.100.0/24 table 1\n  from 192.168.101.0/24 priority 100\n  to 10.0.0.0/8 prohibit\n}\n");
  assert.deepEqual(linesOf(d, "invalid-value"), [3]);
  assert.match(withCode(d, "invalid-value")[0].message, /has no action/);
});

test("a vrrp_script's `script` without a command: keepalived says nothing on the line and drops the script at the block's end", () => {
  // keepalived 2.2.7 -t: only "No script set for vrrp_script chk - removing" (at the '}'); other keywords
  // without their value stop it ("missing a parameter"), notify_master for one.
  const d = check("vrrp_script chk {\n  script\n  interval 2\n}\n");
  const onLine = withCode(d, "invalid-value");
  assert.deepEqual(onLine.map((x) => [x.range.start.line + 1, x.severity]), [[2, "warning"]]);
  assert.match(onLine[0].message, /drops the vrrp_script/);
  assert.deepEqual(linesOf(d, "missing-required"), [1]);
  // A comment after the keyword is no command either.
  assert.deepEqual(withCode(check("vrrp_script chk {\n  script # the check\n}\n"), "invalid-value").map((x) => x.severity), ["warning"]);
  // notify_master without a value is still an error: keepalived stops reading there.
  const notify = withCode(check(instance("  notify_master")), "invalid-value");
  assert.deepEqual(notify.map((x) => x.severity), ["error"]);
});

test("a vrrp_script command that ends in a '\\' is an error: keepalived 2.2.7 crashes reading it, newer versions drop it", (t) => {
  const text = "vrrp_script chk {\n    script /usr/bin/true\\\n}\nvrrp_script ok {\n    script \"/usr/bin/test -f /tmp/a\\\\ b\"\n}\n";
  const d = withCode(check(text), "invalid-value");
  assert.deepEqual(d.map((x) => x.range.start.line + 1), [2]);
  assert.equal(d[0].severity, "error");
  assert.match(d[0].message, /nothing after it to escape/);
  assert.deepEqual(withCode(check(text), "notify-script-missing"), [], "a dropped command is not looked for as well");
  const binary = keepalivedBinary();
  if (!binary) return t.skip("keepalived not installed: our reading checked, keepalived's not");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-trailing-escape-"));
  try {
    const file = path.join(dir, "keepalived.conf");
    fs.writeFileSync(file, text.split("vrrp_script ok")[0]);
    const run = spawnSync(binary, ["-t", "-f", file], { encoding: "utf8", timeout: 20_000 });
    // 2.2.7 dies of a segmentation fault; newer versions say so and drop the command.
    assert.ok(run.signal || run.status !== 0 || /Missing escape char/.test(run.stdout + run.stderr), `keepalived -t accepted it: ${run.stdout}${run.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
