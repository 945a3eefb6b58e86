import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics } from "./helpers";

const one = (vip: string, other = vip) => clusterDiagnostics(pair({ vips: [vip] }, { vips: [other] }), "vip-odd-prefix").map((d) => d.message);

test("network or broadcast address of its prefix, a /4, a wrong brd, brd on a /32, prefixes that differ", () => {
  assert.match(one("10.0.0.0/24")[0], /network address of 10\.0\.0\.0\/24/);
  assert.match(one("10.0.0.255/24")[0], /broadcast address of 10\.0\.0\.0\/24/);
  assert.match(one("10.0.0.10/4")[0], /on-link/);
  assert.match(one("10.0.0.10/24 brd 10.0.1.255")[0], /brd 10\.0\.1\.255 is not the broadcast address of 10\.0\.0\.0\/24 \(10\.0\.0\.255\)/);
  assert.match(one("10.0.0.10 brd 10.0.0.255")[0], /has no broadcast address/);
  const differ = one("10.0.0.10/24", "10.0.0.10/32");
  assert.equal(differ.length, 2);
  assert.match(differ[0], /subnet changes when the VIP moves/);
});

test("ordinary VIPs: silent", () => {
  assert.deepEqual(one("10.0.0.10/24"), []);
  assert.deepEqual(one("10.0.0.10/24 brd 10.0.0.255 dev eth0"), []);
  assert.deepEqual(one("10.0.0.10 brd +".replace(" brd +", "")), []);
  assert.deepEqual(one("10.0.0.10/24 brd +"), []);
  assert.deepEqual(one("2001:db8::10/64"), []);
});
