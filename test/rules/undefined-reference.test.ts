import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

test("tracking a script that is not defined is an error with a did-you-mean", () => {
  const d = withCode(
    check("vrrp_script chk_nginx {\n  script /bin/true\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n  track_script {\n    chk_ngnix\n  }\n}\n"),
    "undefined-reference",
  );
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 6);
  assert.match(d[0].message, /chk_nginx/);
});

test("a sync group member that is not an instance is reported", () => {
  const d = withCode(check("vrrp_sync_group G {\n  group {\n    VI_1\n    VI_9\n  }\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n}\n"), "undefined-reference");
  assert.deepEqual(d.map((x) => x.range.start.line), [3]);
});

test("a script defined in an included file is found", () => {
  const d = check({
    "keepalived.conf": "include scripts.conf\nvrrp_instance VI_1 {\n  virtual_router_id 1\n  track_script {\n    chk\n  }\n}\n",
    "scripts.conf": "vrrp_script chk {\n  script /bin/true\n}\n",
  });
  assert.deepEqual(withCode(d, "undefined-reference"), []);
});

test("a vrrp_script defined after the instance that tracks it is not found by keepalived", () => {
  // keepalived: "(VI_1) track script chk not found, ignoring..." — it looks the name up while reading.
  const d = withCode(
    check("vrrp_instance VI_1 {\n  virtual_router_id 1\n  track_script {\n    chk\n  }\n}\nvrrp_script chk {\n  script /bin/true\n}\n"),
    "undefined-reference",
  );
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 3);
  assert.equal(d[0].severity, "error");
  assert.match(d[0].message, /defined further down \(line 7\).*move the definition above/);
});

test("a sync group may name instances defined after it (keepalived resolves members at the end)", () => {
  const d = withCode(check("vrrp_sync_group G {\n  group {\n    VI_1\n  }\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n}\n"), "undefined-reference");
  assert.deepEqual(d, []);
});

test("tracking a vrrp_script without a 'script' line: keepalived removes the script, then ignores the reference", () => {
  const d = withCode(
    check("vrrp_script chk {\n  interval 1\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n  track_script {\n    chk\n  }\n}\n"),
    "undefined-reference",
  );
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 6);
  assert.match(d[0].message, /vrrp_script 'chk' has no 'script': keepalived drops the definition/);
});

test("tracking a track file whose 'file' is misspelt: keepalived drops the definition, the reference finds nothing", () => {
  const d = withCode(
    check("vrrp_track_file prio {\n  fiel /tmp/prio\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n  track_file {\n    prio\n  }\n}\n"),
    "undefined-reference",
  );
  assert.deepEqual(d.map((x) => x.range.start.line + 1), [7]);
  assert.match(d[0].message, /has no 'file'/);
});
