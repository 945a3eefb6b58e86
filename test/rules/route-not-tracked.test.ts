import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

const routes = (lines: string) => `static_routes {\n${lines}\n}\n`;

test("a route without dev cannot be tracked", () => {
  const d = check(routes("  10.1.0.0/24 via 10.0.0.1\n  blackhole 10.2.0.0/24"));
  assert.deepEqual(linesOf(d, "route-not-tracked"), [2, 3]);
});

test("a route with dev, or marked no_track, is fine", () => {
  const d = check(routes("  10.1.0.0/24 via 10.0.0.1 dev eth0\n  10.2.0.0/24 via 10.0.0.1 no_track\n  10.3.0.0/24 oif eth0"));
  assert.deepEqual(linesOf(d, "route-not-tracked"), []);
});

test("a dev inside a nexthop clause is not the route's interface", () => {
  const d = check(routes("  10.1.0.0/24 nexthop via 10.0.0.1 dev eth0"));
  assert.deepEqual(linesOf(d, "route-not-tracked"), [2]);
});
