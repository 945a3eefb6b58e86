// Our address checks answer exactly what node's net.isIPv4/isIPv6 answer (they replaced them so a
// short CLI run does not load "net"), on generated addresses, near misses and random text.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as net from "net";
import * as fc from "fast-check";
import { isIpv4, isIpv6 } from "../../server/src/core/util/ip";

const hexGroup = fc.stringMatching(/^[0-9a-fA-F]{0,5}$/);
const quadPart = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^0[0-9]{1,2}$/), fc.constant(""));
const quad = fc.array(quadPart, { minLength: 2, maxLength: 5 }).map((parts) => parts.join("."));
const group = fc.oneof({ weight: 5, arbitrary: hexGroup }, { weight: 1, arbitrary: quad });
const zone = fc.oneof(fc.constant(""), fc.stringMatching(/^%[0-9a-zA-Z.:%_ -]{0,4}$/));
/** Groups joined by ':', sometimes with one (or two) '::' inserted, sometimes a zone. */
const v6like = fc
  .tuple(fc.array(group, { maxLength: 10 }), fc.array(fc.nat(12), { maxLength: 2 }), zone)
  .map(([groups, gaps, z]) => {
    let s = groups.join(":");
    for (const g of gaps) s = s.slice(0, g) + "::" + s.slice(g);
    return s + z;
  });
const noise = fc.stringMatching(/^[0-9a-fA-Fg:.% -]{0,14}$/);

test("isIpv4 answers what net.isIPv4 answers", () => {
  for (const t of ["0.0.0.0", "255.255.255.255", "256.1.1.1", "01.1.1.1", "1.1.1", "1.1.1.1.", " 1.1.1.1", "1.1.1.1\n"]) assert.equal(isIpv4(t), net.isIPv4(t), t);
  fc.assert(fc.property(fc.oneof(quad, noise, v6like), (t) => isIpv4(t) === net.isIPv4(t)), { numRuns: 20000 });
});

test("isIpv6 answers what net.isIPv6 answers once a trailing %zone is set aside", () => {
  const cases = ["::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:1.2.3.4", "::ffff:1.2.3.4",
    "1.2.3.4::", "1:::2", ":1::", "1::2::3", "fe80::1%eth0", "fe80::1%", "fe80::1%a%b", "abcd::ef01:1.2.3.04", "12345::"];
  const expected = (t: string) => net.isIPv6(t.replace(/%[^%]+$/, ""));
  for (const t of cases) assert.equal(isIpv6(t), expected(t), t);
  let valid = 0;
  fc.assert(
    fc.property(fc.oneof(v6like, noise, quad), (t) => {
      if (expected(t)) valid++;
      return isIpv6(t) === expected(t);
    }),
    { numRuns: 20000 },
  );
  assert.ok(valid > 200, `the generator reaches valid addresses too (${valid})`);
});
