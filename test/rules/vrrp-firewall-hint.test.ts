import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check as checkAll, withCode } from "../helpers";
import type { WorkspaceOptions } from "../../server/src/core/check/workspace";

// The hint is advice for every node, so it is off unless asked for (the CLI's --firewall-hints).
const check = (text: string, options: WorkspaceOptions = {}) => checkAll(text, { firewallHints: true, ...options });

test("off by default: advice for every node does not go to Problems", () => {
  assert.deepEqual(withCode(checkAll("vrrp_instance A {\n  virtual_router_id 1\n}\n"), "vrrp-firewall-hint"), []);
});

test("once per node, on the first instance: multicast group rules for firewalld and nftables", () => {
  const d = withCode(check("vrrp_instance A {\n  virtual_router_id 1\n}\nvrrp_instance B {\n  virtual_router_id 2\n}\n"), "vrrp-firewall-hint");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "info");
  assert.equal(d[0].range.start.line, 0);
  assert.match(d[0].message, /protocol 112/);
  assert.match(d[0].message, /224\.0\.0\.18/);
  assert.match(d[0].message, /firewall-cmd .*vrrp/);
  assert.match(d[0].message, /nft add rule .*vrrp accept/);
});

test("with unicast peers the rules allow exactly those peers", () => {
  const d = withCode(check("vrrp_instance A {\n  virtual_router_id 1\n  unicast_peer {\n    10.0.0.2\n    fd00::2\n  }\n}\n"), "vrrp-firewall-hint");
  assert.match(d[0].message, /source address="10\.0\.0\.2"/);
  assert.match(d[0].message, /ip6 saddr fd00::2/);
  assert.doesNotMatch(d[0].message, /224\.0\.0\.18/);
});

test("IPv6 VIPs use the IPv6 group; a config without vrrp_instance gets no hint", () => {
  assert.match(withCode(check("vrrp_instance A {\n  virtual_router_id 1\n  virtual_ipaddress {\n    fd00::10/64\n  }\n}\n"), "vrrp-firewall-hint")[0].message, /ff02::12/);
  assert.deepEqual(withCode(check("global_defs {\n  router_id a\n}\n"), "vrrp-firewall-hint"), []);
});

test("a node with both unicast and multicast instances (or both families) gets rules for each", () => {
  const text =
    "vrrp_instance U {\n  virtual_router_id 1\n  unicast_peer {\n    10.0.0.2\n  }\n}\n" +
    "vrrp_instance M4 {\n  virtual_router_id 2\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n" +
    "vrrp_instance M6 {\n  virtual_router_id 3\n  virtual_ipaddress {\n    fe80::1/64\n  }\n}\n";
  const m = withCode(check(text), "vrrp-firewall-hint")[0].message;
  assert.match(m, /from the unicast peers 10\.0\.0\.2 and to the multicast groups 224\.0\.0\.18, ff02::12/);
  assert.match(m, /ip saddr 10\.0\.0\.2 ip protocol vrrp accept/);
  assert.match(m, /ip daddr 224\.0\.0\.18 ip protocol vrrp accept/);
  assert.match(m, /ip6 daddr ff02::12 ip6 nexthdr vrrp accept/);
  assert.match(m, /family="ipv6" destination address="ff02::12"/);
});
