import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

test("a misspelt keyword gets a did-you-mean and a fix", () => {
  const d = withCode(check("vrrp_instance VI_1 {\n  virtual_router_id 5\n  priorty 100\n}\n"), "unknown-keyword");
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 2);
  assert.match(d[0].message, /Did you mean 'priority'/);
  assert.equal(d[0].fixes?.[0].edits[0].newText, "priority");
});

test("a keyword in the wrong block says where it belongs", () => {
  const d = withCode(check("global_defs {\n  virtual_router_id 5\n}\n"), "unknown-keyword");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /belongs inside vrrp_instance/);
});

test("every keyword of a valid config is known", () => {
  const d = check(`global_defs {
  router_id lb1
  notification_email {
    ops@example.com
  }
  enable_script_security
}
vrrp_script chk { script "/bin/true"
  interval 2
}
vrrp_instance VI_1 {
  state MASTER
  interface eth0
  virtual_router_id 51
  priority 150
  advert_int 1
  authentication {
    auth_type PASS
    auth_pass secret
  }
  virtual_ipaddress {
    192.0.2.1/24 dev eth0 label eth0:1
  }
  track_script {
    chk weight -20
  }
}
virtual_server 192.0.2.1 80 {
  delay_loop 6
  lvs_sched rr
  lvs_method NAT
  protocol TCP
  real_server 10.0.0.1 80 {
    weight 1
    TCP_CHECK {
      connect_timeout 3
    }
  }
}
`);
  assert.deepEqual(linesOf(d, "unknown-keyword"), []);
});

test("the content of an unknown block is read where the block stands, as keepalived reads it", () => {
  // keepalived ignores the '{' of a keyword it does not know and reads the lines inside at the
  // same level: each is an unknown keyword there, and the '}' closes nothing.
  const d = check("vrrp_instanse VI_1 {\n  foo 1\n  bar 2\n}\n");
  assert.deepEqual(linesOf(d, "unknown-keyword"), [1, 2, 3]);
  assert.deepEqual(linesOf(d, "unmatched-brace"), [4]);
});

test("a word with a `$` that is not a variable is still a keyword keepalived does not know", () => {
  // A pasted shell prompt (`user@host:/etc/keepalived$ cat keepalived.conf`) and a stray `$`.
  const d = withCode(check("lizx@lb1:/etc/keepalived$ cat keepalived.conf\nglobal_defs {\n  foo$\n}\n"), "unknown-keyword");
  assert.deepEqual(d.map((x) => x.range.start.line), [0, 2]);
  assert.match(d[1].message, /'foo\$'/);
});

test("`$NAME` used before its definition is named as such", () => {
  const d = withCode(check("global_defs {\n  $EXTRA\n}\n$EXTRA=enable_script_security\n"), "unknown-keyword");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /no '\$EXTRA=' definition comes before it/);
});

test("nb_get_retry inside TCP_CHECK: keepalived does not know it there; the message and the fix say 'retry'", () => {
  const text = "virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      nb_get_retry 3\n    }\n  }\n}\n";
  const d = withCode(check(text), "unknown-keyword");
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 4);
  assert.match(d[0].message, /use 'retry' here/);
  assert.equal(d[0].fixes?.[0].edits[0].newText, "retry");
});
