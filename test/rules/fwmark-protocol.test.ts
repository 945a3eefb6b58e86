import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf } from "../helpers";

test("protocol in a fwmark virtual_server is ignored", () => {
  assert.deepEqual(linesOf(check("virtual_server fwmark 1 {\n  protocol TCP\n}\n"), "fwmark-protocol"), [2]);
});

test("protocol in an address virtual_server is fine", () => {
  assert.deepEqual(linesOf(check("virtual_server 10.0.0.1 80 {\n  protocol TCP\n}\n"), "fwmark-protocol"), []);
});
