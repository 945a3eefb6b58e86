import { test } from "node:test";
import * as assert from "node:assert/strict";
import { pair, clusterDiagnostics, nodeText, fixAndRecheck } from "./helpers";
import { withCode } from "../helpers";

test("two instances on one node and interface with one VRID: reported on both instances", () => {
  const files = {
    "lb-a/keepalived.conf": nodeText({
      routerId: "lb-a",
      instances: [
        { name: "VI_WEB", vrid: 51, vips: ["192.0.2.10/24"] },
        { name: "VI_DB", vrid: 51, vips: ["192.0.2.20/24"] },
      ],
    }),
  };
  const d = clusterDiagnostics(files, "vrid-conflict");
  assert.equal(d.length, 2);
  assert.ok(d.every((x) => x.related?.length === 1));
});

test("two pairs on one segment (same /24) with one VRID: reported; different segments: silent", () => {
  const pairOn = (net: string, a: string, b: string) => pair({ routerId: a, src: undefined, peers: undefined, vips: [`${net}.10/24`] }, { routerId: b, src: undefined, peers: undefined, vips: [`${net}.10/24`] });
  const rename = (files: Record<string, string>, a: string, b: string) => ({ [`${a}/keepalived.conf`]: files["lb-a/keepalived.conf"], [`${b}/keepalived.conf`]: files["lb-b/keepalived.conf"] });
  const same = { ...rename(pairOn("192.0.2", "web-a", "web-b"), "web-a", "web-b"), ...rename(pairOn("192.0.2", "db-a", "db-b"), "db-a", "db-b") };
  // Same VIP would pair them: give the second pair another address in the same /24.
  same["db-a/keepalived.conf"] = same["db-a/keepalived.conf"].replace("192.0.2.10/24", "192.0.2.20/24");
  same["db-b/keepalived.conf"] = same["db-b/keepalived.conf"].replace("192.0.2.10/24", "192.0.2.20/24");
  same["db-a/keepalived.conf"] = same["db-a/keepalived.conf"].replace("VI_1", "VI_DB");
  same["db-b/keepalived.conf"] = same["db-b/keepalived.conf"].replace("VI_1", "VI_DB");
  // One diagnostic per instance, naming both members of the other pair (not one per clashing pair).
  const found = clusterDiagnostics(same, "vrid-conflict");
  assert.equal(found.length, 4);
  assert.ok(found.every((d) => d.related?.length === 2 && / is also used by VI_\w+ on \w+-a and VI_\w+ on \w+-b on the segment 192\.0\.2\.0\/24:/.test(d.message)), found.map((d) => d.message).join("\n"));
  const apart = { ...same };
  apart["db-a/keepalived.conf"] = apart["db-a/keepalived.conf"].replace("192.0.2.20/24", "198.51.100.20/24");
  apart["db-b/keepalived.conf"] = apart["db-b/keepalived.conf"].replace("192.0.2.20/24", "198.51.100.20/24");
  assert.deepEqual(clusterDiagnostics(apart, "vrid-conflict"), []);
});

test("different VRIDs on one node: silent", () => {
  const files = { "lb-a/keepalived.conf": nodeText({ routerId: "lb-a", instances: [{ name: "A", vrid: 51, vips: ["192.0.2.10"] }, { name: "B", vrid: 52, vips: ["192.0.2.20"] }] }) };
  assert.deepEqual(clusterDiagnostics(files, "vrid-conflict"), []);
});

test("fix: move every member of one cluster to a free VRID (edits in both files)", () => {
  const files = {
    "lb-a/keepalived.conf": nodeText({ routerId: "lb-a", instances: [{ name: "VI_WEB", vrid: 51, priority: 150, vips: ["192.0.2.10/24"] }, { name: "VI_DB", vrid: 51, priority: 150, vips: ["192.0.2.20/24"] }] }),
    "lb-b/keepalived.conf": nodeText({ routerId: "lb-b", instances: [{ name: "VI_WEB", vrid: 51, vips: ["192.0.2.10/24"] }, { name: "VI_DB", vrid: 51, vips: ["192.0.2.20/24"] }] }),
  };
  const d = clusterDiagnostics(files, "vrid-conflict")[0];
  assert.equal(new Set(d.fixes![0].edits.map((e) => e.file)).size, 2);
  const { remaining } = fixAndRecheck(files, "vrid-conflict");
  assert.deepEqual(withCode(remaining, "vrid-conflict"), []);
  assert.deepEqual(withCode(remaining, "vrid-mismatch"), []);
});

test("three instances with one VRID on one interface: one diagnostic each naming the other two; another interface is silent", () => {
  const files = {
    "lb-a/keepalived.conf": nodeText({
      routerId: "lb-a",
      instances: [
        { name: "VI_A", vrid: 51, vips: ["192.0.2.10/24"] },
        { name: "VI_B", vrid: 51, vips: ["192.0.2.20/24"] },
        { name: "VI_C", vrid: 51, vips: ["192.0.2.30/24"] },
        { name: "VI_D", vrid: 51, iface: "eth1", vips: ["198.51.100.10/24"] },
      ],
    }),
  };
  const d = clusterDiagnostics(files, "vrid-conflict");
  assert.equal(d.length, 3, d.map((x) => x.message).join("\n"));
  assert.match(d[0].message, /^virtual_router_id 51 of VI_A on lb-a is also used by VI_B and VI_C on lb-a \(eth0\): /);
  assert.equal(d[0].related?.length, 2);
  assert.ok(d.every((x) => !x.message.includes("VI_D")));
});
