// The failover topology a user sees: who holds each VIP, before and after failures, and the pictures.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { XMLValidator } from "fast-xml-parser";
import { workspaceOf } from "../helpers";
import { workspaceTopology } from "../../server/src/core/topology/model";
import { toDot, MAX_LABEL_LINE } from "../../server/src/core/topology/dot";
import { toMermaid } from "../../server/src/core/topology/mermaid";
import { renderSvg } from "../../server/src/core/topology/svg";
import { forDrawing, MAX_DRAWN_CLUSTERS, omittedNote } from "../../server/src/core/topology/drawLimit";
import type { Workspace } from "../../server/src/core/check/workspace";

function node(name: string, body: string, extra = ""): string {
  return `global_defs {\n  router_id ${name}\n}\n${extra}${body}`;
}

function instance(name: string, state: string, priority: number, vips: string[], more = ""): string {
  return `vrrp_instance ${name} {\n  state ${state}\n  interface eth0\n  virtual_router_id 51\n  priority ${priority}\n  virtual_ipaddress {\n${vips.map((v) => `    ${v}`).join("\n")}\n  }\n${more}}\n`;
}

const SCRIPT = "vrrp_script chk_nginx {\n  script /usr/bin/true\n  weight -60\n}\n";
const TRACK = "  track_script {\n    chk_nginx\n  }\n";

function topo(ws: Workspace, failures: string[] = []) {
  return workspaceTopology(ws, { failures });
}

const pair = () =>
  workspaceOf({
    "lb-a/keepalived.conf": node("lb-a", instance("VI_1", "MASTER", 150, ["192.0.2.10/24"], TRACK), SCRIPT),
    "lb-b/keepalived.conf": node("lb-b", instance("VI_1", "BACKUP", 100, ["192.0.2.10/24"], TRACK), SCRIPT),
  });

test("a pair: the master is marked and members are ordered by effective priority", () => {
  const t = topo(pair());
  assert.deepEqual(t.nodes.map((n) => n.name).sort(), ["lb-a", "lb-b"]);
  assert.equal(t.clusters.length, 1);
  const c = t.clusters[0];
  assert.equal(c.master, "lb-a");
  assert.deepEqual(c.members.map((m) => [m.node, m.role, m.priority]), [["lb-a", "MASTER", 150], ["lb-b", "BACKUP", 100]]);
  assert.deepEqual(c.vips, ["192.0.2.10/24"]);
  assert.deepEqual(c.members[0].tracks.map((x) => [x.name, x.weight]), [["chk_nginx", -60]]);
  assert.deepEqual(c.mismatches, []);
});

test("simulating the master's script failure moves the VIP and shows the arithmetic", () => {
  const t = topo(pair(), ["lb-a:chk_nginx"]);
  const c = t.clusters[0];
  assert.equal(c.master, "lb-b");
  assert.equal(c.previousMaster, "lb-a");
  const a = c.members.find((m) => m.node === "lb-a")!;
  assert.equal(a.arithmetic, "150 - 60 = 90");
  assert.ok(a.tracks[0].failed);
});

test("a three-node cluster fails over in priority order", () => {
  const ws = workspaceOf({
    "a/keepalived.conf": node("a", instance("VI_1", "MASTER", 150, ["192.0.2.10/24"])),
    "b/keepalived.conf": node("b", instance("VI_1", "BACKUP", 120, ["192.0.2.10/24"])),
    "c/keepalived.conf": node("c", instance("VI_1", "BACKUP", 100, ["192.0.2.10/24"])),
  });
  assert.deepEqual(topo(ws).clusters[0].members.map((m) => m.node), ["a", "b", "c"]);
  const after = topo(ws, ["a"]).clusters[0];
  assert.equal(after.master, "b");
  assert.deepEqual(after.members.map((m) => m.role), ["MASTER", "BACKUP", "DOWN"]);
  assert.ok(topo(ws, ["a"]).nodes.find((n) => n.name === "a")!.down);
});

test("a sync group moves together when one member's tracked script fails", () => {
  const group = "vrrp_sync_group G {\n  group {\n    VI_A\n    VI_B\n  }\n}\n";
  const inst = (name: string, vrid: number, state: string, prio: number, vip: string, track: string) =>
    `vrrp_instance ${name} {\n  state ${state}\n  interface eth0\n  virtual_router_id ${vrid}\n  priority ${prio}\n  virtual_ipaddress {\n    ${vip}\n  }\n${track}}\n`;
  const zeroWeight = "vrrp_script chk {\n  script /usr/bin/true\n}\n";
  const ws = workspaceOf({
    "a/keepalived.conf": node("a", group + inst("VI_A", 1, "MASTER", 150, "192.0.2.1/24", "  track_script {\n    chk\n  }\n") + inst("VI_B", 2, "MASTER", 150, "198.51.100.1/24", ""), zeroWeight),
    "b/keepalived.conf": node("b", group + inst("VI_A", 1, "BACKUP", 100, "192.0.2.1/24", "  track_script {\n    chk\n  }\n") + inst("VI_B", 2, "BACKUP", 100, "198.51.100.1/24", ""), zeroWeight),
  });
  const before = topo(ws);
  assert.deepEqual(before.clusters.map((c) => c.master), ["a", "a"]);
  assert.ok(before.clusters.every((c) => c.members.every((m) => m.syncGroup === "G")));
  const after = topo(ws, ["a:chk"]);
  assert.deepEqual(after.clusters.map((c) => c.master), ["b", "b"]);
});

test("LVS: virtual_server to real_server with their checkers", () => {
  const lvs = "virtual_server 192.0.2.10 80 {\n  lvs_sched rr\n  lvs_method DR\n  protocol TCP\n  real_server 10.0.0.1 80 {\n    HTTP_GET {\n      url {\n        path /\n      }\n    }\n  }\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n    }\n  }\n}\n";
  const ws = workspaceOf({ "lb/keepalived.conf": node("lb", lvs) });
  const t = topo(ws);
  assert.equal(t.virtualServers.length, 1);
  const vs = t.virtualServers[0];
  assert.equal(vs.label, "192.0.2.10 80");
  assert.equal(vs.scheduler, "rr");
  assert.deepEqual(vs.realServers.map((r) => [r.label, r.checkers]), [["10.0.0.1:80", ["HTTP_GET"]], ["10.0.0.2:80", ["TCP_CHECK"]]]);
  assert.match(toDot(t), /HTTP_GET/);
});

test("mismatches are marked on the picture", () => {
  const ws = workspaceOf({
    "lb-a/keepalived.conf": node("lb-a", instance("VI_1", "MASTER", 150, ["192.0.2.10/24"])),
    "lb-b/keepalived.conf": node("lb-b", instance("VI_1", "BACKUP", 100, ["192.0.2.10/24"]).replace("virtual_router_id 51", "virtual_router_id 52")),
  });
  const t = topo(ws);
  assert.ok(t.clusters[0].mismatches.some((m) => m.code === "vrid-mismatch"));
  assert.deepEqual(t.clusters[0].vrids, [51, 52]);
  assert.match(toDot(t), /vrid-mismatch/);
  assert.match(toMermaid(t), /vrid-mismatch/);
});

test("DOT, Mermaid and SVG name every node and VIP; the SVG is well-formed XML", async () => {
  const t = topo(pair());
  const dot = toDot(t);
  const mermaid = toMermaid(t);
  const raw = await renderSvg(t);
  assert.equal(XMLValidator.validate(raw), true);
  // Graphviz writes some characters as numeric entities (lb&#45;a): read the text as a browser would.
  const svg = raw.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  for (const text of ["lb-a", "lb-b", "192.0.2.10/24"]) {
    assert.ok(dot.includes(text), `DOT lacks ${text}`);
    assert.ok(mermaid.includes(text), `Mermaid lacks ${text}`);
    assert.ok(svg.includes(text), `SVG lacks ${text}`);
  }
  assert.match(mermaid, /^flowchart LR/);
});

test("names with quotes and markup are escaped in every output", async () => {
  const evil = 'x"><script>alert(1)</script>';
  const ws = workspaceOf({
    "a/keepalived.conf": node("a", instance(`"${evil}"`, "MASTER", 150, ["192.0.2.10/24"])),
    "b/keepalived.conf": node("b", instance(`"${evil}"`, "BACKUP", 100, ["192.0.2.10/24"])),
  });
  const t = topo(ws);
  const svg = await renderSvg(t);
  assert.equal(XMLValidator.validate(svg), true);
  assert.ok(!svg.includes("<script>"));
  assert.ok(!toMermaid(t).includes("<script>"));
});

test("a workspace of 400 clusters is drawn as its first 150, and the rest is counted, not laid out", async () => {
  const body = Array.from({ length: 400 }, (_, i) => instance(`VI_${i}`, "MASTER", 100, [`10.0.${i >> 8}.${i & 255}/32`])).join("");
  const t = topo(workspaceOf({ "lb-a/keepalived.conf": node("lb-a", body) }));
  assert.equal(t.clusters.length, 400);
  const drawn = forDrawing(t);
  assert.equal(drawn.omitted, 250);
  assert.deepEqual(drawn.topology.clusters.map((c) => c.name), t.clusters.slice(0, MAX_DRAWN_CLUSTERS).map((c) => c.name));
  assert.deepEqual(drawn.topology.nodes.map((n) => n.name), ["lb-a"]);
  const svg = await renderSvg(drawn.topology);
  assert.ok(svg.includes("VI_149") && !svg.includes("VI_399"), "the picture holds the first 150 clusters only");
  assert.equal(forDrawing(topo(pair())).omitted, 0);
});

test("with maxClusters the first clusters are built and the others only counted; the picture says how many are left out", async () => {
  const body = Array.from({ length: 400 }, (_, i) => instance(`VI_${i}`, "MASTER", 100, [`10.0.${i >> 8}.${i & 255}/32`])).join("");
  const ws = workspaceOf({ "lb-a/keepalived.conf": node("lb-a", body) });
  const all = workspaceTopology(ws);
  const limited = workspaceTopology(ws, { maxClusters: MAX_DRAWN_CLUSTERS });
  assert.deepEqual(limited.clusters, all.clusters.slice(0, MAX_DRAWN_CLUSTERS));
  assert.deepEqual(limited.leftOut, { clusters: 250, virtualServers: 0 });
  const drawn = forDrawing(limited);
  assert.equal(drawn.omitted, 250);
  assert.deepEqual(drawn.topology.clusters, forDrawing(all).topology.clusters);
  const note = omittedNote(drawn)!;
  assert.equal(note, "first 150 of 400 clusters drawn");
  assert.ok((await renderSvg(drawn.topology, note)).includes(note), "the picture carries the note");
});

test("a name of 1 MB is cut in the picture, whole in the data", async () => {
  const long = "x".repeat(1 << 20);
  const ws = workspaceOf({ "a/keepalived.conf": node(long, instance("VI_1", "MASTER", 150, ["192.0.2.10/24"])) });
  const t = topo(ws);
  assert.equal(t.nodes[0].name, long);
  const line = toDot(t).split("\n").find((l) => l.includes("shape=box"))!;
  assert.ok(line.length < 400, `the node's line in the DOT is ${line.length} characters`);
  assert.ok(line.includes("x".repeat(MAX_LABEL_LINE - 1) + "…"));
  assert.equal(XMLValidator.validate(await renderSvg(t)), true);
});

test("an instance with hundreds of VIPs is drawn with its first 20 and how many more; the data keeps them all", async () => {
  const vips = Array.from({ length: 300 }, (_, i) => `10.0.${i >> 8}.${i & 255}/32`);
  const t = topo(workspaceOf({ "lb-a/keepalived.conf": node("lb-a", instance("VI_1", "MASTER", 150, vips)) }));
  assert.equal(t.clusters[0].vips.length, 300);
  for (const picture of [toDot(t), toMermaid(t), await renderSvg(t)]) {
    assert.ok(picture.includes("10.0.0.19"), "the 20th address is drawn");
    assert.ok(!picture.includes("10.0.0.20"), "the 21st is not");
    assert.ok(picture.includes("280 more"), "the rest is counted");
  }
});

test("an instance that tracks 1,500 scripts is still drawn: its member's label shows the first tracks and how many more", async () => {
  const names = Array.from({ length: 1500 }, (_, i) => `chk_service_number_${String(i).padStart(4, "0")}_on_this_host`);
  const scripts = names.map((n) => `vrrp_script ${n} {\n  script /usr/bin/true\n}\n`).join("");
  const track = `  track_script {\n${names.map((n) => `    ${n}`).join("\n")}\n  }\n`;
  const t = topo(workspaceOf({ "lb-a/keepalived.conf": node("lb-a", instance("VI_1", "MASTER", 150, ["192.0.2.10/24"], track), scripts) }));
  assert.equal(t.clusters[0].members[0].tracks.length, 1500, "the data keeps every track");
  const svg = await renderSvg(t);
  assert.equal(XMLValidator.validate(svg), true);
  assert.ok(svg.includes(names[0]), "the first track is drawn");
  assert.ok(!svg.includes(names[1499]), "the last is not");
  assert.match(svg, /1,47\d more lines/);
  assert.ok(toMermaid(t).length < 50_000, "Mermaid's own size limit holds");
});
