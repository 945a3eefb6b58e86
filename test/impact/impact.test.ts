// Change impact: one before/after pair per kind of change, checked against what keepalived does
// on a reload (see the comments in server/src/core/impact/).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lint, workspaceOf } from "../helpers";
import { changeImpact, ImpactReport } from "../../server/src/core/impact/impact";

interface Node {
  state?: string;
  priority?: number;
  vrid?: number;
  iface?: string;
  pass?: string;
  version?: number;
  advert?: number;
  vips?: string[];
  src?: string;
  peers?: string[];
  extra?: string;
  name?: string;
  globals?: string;
  top?: string;
}

function conf(n: Node): string {
  const lines = [
    n.top ?? "",
    n.globals ? `global_defs {\n${n.globals}\n}` : "",
    `vrrp_instance ${n.name ?? "VI_1"} {`,
    `  state ${n.state ?? "BACKUP"}`,
    `  interface ${n.iface ?? "eth0"}`,
    `  virtual_router_id ${n.vrid ?? 51}`,
    `  priority ${n.priority ?? 100}`,
    `  advert_int ${n.advert ?? 1}`,
    n.version ? `  version ${n.version}` : "",
    n.version === 3 ? "" : `  authentication {\n    auth_type PASS\n    auth_pass ${n.pass ?? "s3cr3tpw"}\n  }`,
    n.src ? `  unicast_src_ip ${n.src}` : "",
    n.peers ? `  unicast_peer {\n${n.peers.map((p) => `    ${p}`).join("\n")}\n  }` : "",
    `  virtual_ipaddress {\n${(n.vips ?? ["192.0.2.10/24"]).map((v) => `    ${v}`).join("\n")}\n  }`,
    n.extra ?? "",
    "}",
  ];
  return lines.filter(Boolean).join("\n") + "\n";
}

const A: Node = { state: "MASTER", priority: 150 };
const B: Node = { state: "BACKUP", priority: 100 };

function impact(before: Record<string, Node | string>, after: Record<string, Node | string>): ImpactReport {
  const files = (nodes: Record<string, Node | string>) => Object.fromEntries(Object.entries(nodes).map(([k, v]) => [`${k}/keepalived.conf`, typeof v === "string" ? v : conf(v)]));
  const side = (nodes: Record<string, Node | string>) => ({ view: workspaceOf(files(nodes)).clusters(), keyOf: (m: { id: string }) => m.id });
  return changeImpact(side(before), side(after));
}

const node = (r: ImpactReport, name: string) => r.nodes.find((n) => n.node === name)!;
const only = (r: ImpactReport) => {
  assert.equal(r.clusters.length, 1, JSON.stringify(r.clusters.map((c) => c.name)));
  return r.clusters[0];
};

test("a change that repairs two masters (the VRID of one node): said so, one node to reload", () => {
  const r = impact({ "lb-a": A, "lb-b": { ...B, vrid: 52 } }, { "lb-a": A, "lb-b": B });
  const c = only(r);
  assert.deepEqual([c.masterBefore, c.masterAfter], [["lb-a", "lb-b"], ["lb-a"]]);
  assert.match(c.explanation, /two masters before/);
  assert.equal(c.recommended!.splits, 0);
  assert.match(c.advice, /only lb-b changes: reload it/);
});

test("no change: nothing to apply, nothing moves", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": A, "lb-b": B });
  assert.equal(r.apply, "none");
  assert.equal(only(r).status, "unchanged");
  assert.equal(only(r).moves, false);
});

test("VRID change: re-created on every node, two masters in every order, simultaneous or stop-the-backups advice", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, vrid: 52 }, "lb-b": { ...B, vrid: 52 } });
  assert.deepEqual(node(r, "lb-a").instances.map((i) => [i.action, i.changes]), [["recreated", ["virtual_router_id 51 → 52"]]]);
  const c = only(r);
  assert.ok(c.coordination.some((x) => x.setting === "virtual_router_id" && x.hazard === "two-masters"));
  assert.ok(c.plans.every((p) => p.splits > 0));
  assert.match(c.advice, /same time.*stop keepalived on lb-b, reload lb-a, then start lb-b/);
  assert.deepEqual(c.masterAfter, ["lb-a"]);
});

test("renaming an instance keeps it: keepalived matches by VRID and interface", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, name: "VI_WEB" }, "lb-b": { ...B, name: "VI_WEB" } });
  assert.equal(node(r, "lb-a").instances[0].action, "kept");
  assert.ok(node(r, "lb-a").notes.some((n) => /not by name/.test(n)));
  assert.equal(only(r).moves, false);
  assert.equal(only(r).coordination.length, 0);
});

test("interface or unicast source change re-creates the instance; the master's VIPs are released", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, iface: "eth1" }, "lb-b": B });
  assert.deepEqual(node(r, "lb-a").instances.map((i) => i.action), ["recreated"]);
  const plan = only(r).recommended!;
  assert.ok(plan.steps.some((s) => s.released && /lb-b takes them/.test(s.note ?? "")));
  const u = { src: "10.0.0.1", peers: ["10.0.0.2"] };
  const v = { src: "10.0.0.2", peers: ["10.0.0.1"] };
  const r2 = impact({ "lb-a": { ...A, ...u }, "lb-b": { ...B, ...v } }, { "lb-a": { ...A, ...u, src: "10.0.0.9" }, "lb-b": { ...B, peers: ["10.0.0.9"], src: "10.0.0.2" } });
  assert.deepEqual(node(r2, "lb-a").instances.map((i) => [i.action, i.changes]), [["recreated", ["unicast_src_ip 10.0.0.1 → 10.0.0.9"]]]);
});

test("instances created and removed on reload", () => {
  const second = conf({ ...A, name: "VI_2", vrid: 60, vips: ["192.0.2.20/24"] });
  const r = impact({ "lb-a": conf(A) }, { "lb-a": second });
  assert.deepEqual(node(r, "lb-a").instances.map((i) => `${i.instance} ${i.action}`).sort(), ["VI_1 removed", "VI_2 created"]);
  assert.deepEqual(r.clusters.map((c) => c.status).sort(), ["added", "removed"]);
  assert.match(r.clusters.find((c) => c.status === "removed")!.explanation, /lb-a releases its VIPs/);
});

test("a priority change that makes a backup preempt moves the VIPs; with nopreempt it does not", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": A, "lb-b": { ...B, priority: 200 } });
  const c = only(r);
  assert.equal(c.moves, true);
  assert.deepEqual([c.masterBefore, c.masterAfter], [["lb-a"], ["lb-b"]]);
  assert.match(c.explanation, /move from lb-a to lb-b/);
  const held = impact({ "lb-a": A, "lb-b": { ...B, extra: "  nopreempt" } }, { "lb-a": A, "lb-b": { ...B, priority: 200, extra: "  nopreempt" } });
  assert.equal(only(held).moves, false);
  assert.deepEqual(only(held).masterAfter, ["lb-a"]);
});

test("a VIP added or removed: the master's reload brings it up or down; no split", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, vips: ["192.0.2.10/24", "192.0.2.11/24"] }, "lb-b": { ...B, vips: ["192.0.2.10/24", "192.0.2.11/24"] } });
  const c = only(r);
  assert.deepEqual(c.vipsAdded, ["192.0.2.11/24"]);
  assert.deepEqual(c.coordination.map((x) => [x.setting, x.hazard]), [["virtual_ipaddress", "vip-set"]]);
  assert.ok(c.plans.every((p) => p.splits === 0));
  const gone = impact({ "lb-a": { ...A, vips: ["192.0.2.10/24", "192.0.2.11/24"] }, "lb-b": B }, { "lb-a": A, "lb-b": B });
  assert.deepEqual(only(gone).vipsRemoved, ["192.0.2.11/24"]);
});

test("authentication, version and (VRRPv2) advert_int changes split old and new members", () => {
  for (const [change, setting] of [[{ pass: "n3wpassw" }, "authentication"], [{ version: 3 }, "version"], [{ advert: 2 }, "advert_int"]] as const) {
    const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, ...change }, "lb-b": { ...B, ...change } });
    const c = only(r);
    assert.ok(c.coordination.some((x) => x.setting === setting && x.hazard === "two-masters"), setting);
    assert.ok(c.plans.every((p) => p.splits > 0), setting);
    assert.equal(node(r, "lb-a").instances[0].action, "kept", setting);
  }
});

test("adding a unicast node: existing members first, the new node last, no two masters", () => {
  const ips = { "lb-a": "10.0.0.1", "lb-b": "10.0.0.2", "lb-c": "10.0.0.3" };
  const mk = (base: Node, me: keyof typeof ips, all: (keyof typeof ips)[]) => ({ ...base, src: ips[me], peers: all.filter((n) => n !== me).map((n) => ips[n]) });
  const r = impact(
    { "lb-a": mk(A, "lb-a", ["lb-a", "lb-b"]), "lb-b": mk(B, "lb-b", ["lb-a", "lb-b"]) },
    { "lb-a": mk(A, "lb-a", ["lb-a", "lb-b", "lb-c"]), "lb-b": mk(B, "lb-b", ["lb-a", "lb-b", "lb-c"]), "lb-c": mk({ priority: 50 }, "lb-c", ["lb-a", "lb-b", "lb-c"]) },
  );
  const c = only(r);
  assert.equal(node(r, "lb-c").status, "added");
  assert.equal(node(r, "lb-c").apply, "start");
  assert.ok(c.coordination.some((x) => x.setting === "unicast_peer"));
  assert.equal(c.recommended!.splits, 0);
  assert.equal(c.recommended!.order[c.recommended!.order.length - 1], "lb-c");
  assert.match(c.advice, /safe order/);
});

test("a state change only counts at the next start", () => {
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, state: "BACKUP" }, "lb-b": B });
  assert.ok(node(r, "lb-a").notes.some((n) => /keeps the running state/.test(n)));
  assert.equal(only(r).moves, false);
});

test("settings a reload cannot change need a restart", () => {
  const r = impact({ "lb-a": A }, { "lb-a": { ...A, top: "net_namespace blue" } });
  assert.equal(node(r, "lb-a").apply, "restart");
  assert.deepEqual(node(r, "lb-a").restart.map((x) => x.keyword), ["net_namespace"]);
  const g = impact({ "lb-a": { ...A, globals: "  nftables keepalived" } }, { "lb-a": { ...A, globals: "  nftables other" } });
  assert.equal(g.apply, "restart");
  const fine = impact({ "lb-a": { ...A, globals: "  router_id a" } }, { "lb-a": { ...A, globals: "  router_id a\n  vrrp_garp_master_delay 5" } });
  assert.equal(fine.apply, "reload");
});

test("a vrrp_script whose command changed starts over", () => {
  const script = (cmd: string) => `vrrp_script chk {\n  script "${cmd}"\n  weight -60\n}\n`;
  const track = "  track_script {\n    chk\n  }";
  const r = impact({ "lb-a": script("/bin/true") + conf({ ...A, extra: track }) }, { "lb-a": script("/usr/bin/check") + conf({ ...A, extra: track }) });
  assert.ok(node(r, "lb-a").instances[0].changes.includes("vrrp_script chk command changed"));
  assert.ok(node(r, "lb-a").notes.some((n) => /starts over/.test(n)));
});

test("CLI: impact OLD NEW in text and JSON, exit 1 when no order avoids two masters", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "impact-"));
  const write = (sideName: string, nodes: Record<string, Node>) => {
    for (const [n, c] of Object.entries(nodes)) {
      fs.mkdirSync(path.join(dir, sideName, n), { recursive: true });
      fs.writeFileSync(path.join(dir, sideName, n, "keepalived.conf"), conf(c));
    }
    return path.join(dir, sideName);
  };
  const old = write("old", { "lb-a": A, "lb-b": B });
  const vrid = write("vrid", { "lb-a": { ...A, vrid: 52 }, "lb-b": { ...B, vrid: 52 } });
  const prio = write("prio", { "lb-a": A, "lb-b": { ...B, priority: 200 } });
  const text = lint(["impact", old, vrid]);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /re-created on reload/);
  assert.match(text.stdout, /TWO MASTERS/);
  const json = lint(["impact", "--format", "json", old, prio]);
  assert.equal(json.code, 0, json.stderr);
  const data = JSON.parse(json.stdout);
  assert.equal(data.version, 1);
  assert.equal(data.clusters[0].moves, true);
  assert.deepEqual(data.clusters[0].masterAfter, ["lb-b"]);
  // Only lb-b changes: lb-a needs no reload.
  assert.deepEqual(data.clusters[0].recommendedOrder, ["lb-b"]);
  const single = lint(["impact", path.join(old, "lb-a", "keepalived.conf"), path.join(prio, "lb-a", "keepalived.conf")]);
  assert.equal(single.code, 0);
  assert.match(single.stdout, /no change/);
  assert.equal(lint(["impact", old]).code, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});

// Virtual routes and rules, excluded addresses, static entries: keepalived/vrrp/vrrp.c clear_diff_vrrp
// (a MASTER only), vrrp_daemon.c start_vrrp clear_diff_static_* (every node).
const routes = (...r: string[]) => `  virtual_routes {\n${r.map((x) => `    ${x}`).join("\n")}\n  }`;

test("virtual routes added: the MASTER installs them at the reload, a BACKUP only when it takes over; nothing to coordinate", () => {
  const route = "10.1.0.0/16 via 192.0.2.1 dev eth0";
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, extra: routes(route) }, "lb-b": { ...B, extra: routes(route) } });
  for (const n of ["lb-a", "lb-b"]) {
    assert.deepEqual(node(r, n).instances.map((i) => [i.action, i.changes]), [["kept", [`virtual_routes "${route}" added`]]], n);
    assert.equal(node(r, n).apply, "reload");
  }
  assert.ok(node(r, "lb-a").notes.some((x) => /MASTER here, so the reload deletes the virtual_routes entries no longer configured and installs the new ones at once/.test(x)), node(r, "lb-a").notes.join("\n"));
  assert.ok(node(r, "lb-b").notes.some((x) => /not MASTER here: its virtual_routes are installed only when it becomes MASTER/.test(x)), node(r, "lb-b").notes.join("\n"));
  const c = only(r);
  assert.equal(c.status, "changed");
  assert.deepEqual(c.coordination, []);
  assert.equal(c.moves, false);
  assert.ok(c.plans.every((p) => p.splits === 0));
});

test("a virtual rule removed and an excluded address added: listed per instance, no VIP or advert change", () => {
  const rules = (...r: string[]) => `  virtual_rules {\n${r.map((x) => `    ${x}`).join("\n")}\n  }`;
  const excluded = (...v: string[]) => `  virtual_ipaddress_excluded {\n${v.map((x) => `    ${x}`).join("\n")}\n  }`;
  const before = { ...A, extra: rules("from 192.0.2.0/24 table 100 preference 100", "to 198.51.100.0/24 table 100 preference 101") };
  const after = { ...A, extra: rules("from 192.0.2.0/24 table 100 preference 100") + "\n" + excluded("198.51.100.7/24") };
  const r = impact({ "lb-a": before, "lb-b": B }, { "lb-a": after, "lb-b": B });
  assert.deepEqual(node(r, "lb-a").instances[0].changes, ['virtual_ipaddress_excluded "198.51.100.7/24" added', 'virtual_rules "to 198.51.100.0/24 table 100 preference 101" removed']);
  assert.ok(node(r, "lb-a").notes.some((x) => /virtual_ipaddress_excluded, virtual_rules entries no longer configured/.test(x)));
  const c = only(r);
  // Excluded addresses are not in the adverts: the peers need not agree, and the VIP set is the same.
  assert.deepEqual([c.vipsAdded, c.coordination], [[], []]);
  assert.match(c.advice, /only lb-a changes: reload it/);
});

test("static routes: set on every node whatever its state, listed with the node", () => {
  const statics = "static_routes {\n  203.0.113.0/24 via 192.0.2.254 dev eth0\n}";
  const r = impact({ "lb-a": A, "lb-b": B }, { "lb-a": { ...A, top: statics }, "lb-b": B });
  assert.deepEqual(node(r, "lb-a").changes, ['static_routes "203.0.113.0/24 via 192.0.2.254 dev eth0" added']);
  assert.equal(node(r, "lb-a").apply, "reload");
  assert.ok(node(r, "lb-a").notes.some((x) => /whatever the VRRP state/.test(x)));
  assert.equal(node(r, "lb-b").status, "unchanged");
});

// vrrp_sync_group: paired by name (vrrp.c set_previous_sync_group_states); after the reload a group
// is MASTER only when every member came back MASTER (vrrp.c vrrp_complete_init).
const group = (name: string, ...members: string[]) => `vrrp_sync_group ${name} {\n  group {\n${members.map((m) => `    ${m}`).join("\n")}\n  }\n}\n`;
/** Two instances per node; `second` is VI_2 on vrid 60 with its own priorities. */
const pair = (first: Node, second: Node, top = "") => top + conf(first) + conf({ ...second, name: "VI_2", vrid: 60, vips: ["192.0.2.20/24"] });

test("a new sync group joining an instance that is MASTER here with one that is not: it gives its VIPs up at the reload", () => {
  // lb-a holds VI_1, lb-b holds VI_2; the change groups them on both nodes.
  const before = { "lb-a": pair(A, B), "lb-b": pair(B, A) };
  const after = { "lb-a": pair(A, B, group("G", "VI_1", "VI_2")), "lb-b": pair(B, A, group("G", "VI_1", "VI_2")) };
  const r = impact(before, after);
  assert.deepEqual(node(r, "lb-a").syncGroups, [{ group: "G", action: "created", members: ["VI_1", "VI_2"], changes: [] }]);
  assert.equal(node(r, "lb-a").apply, "reload");
  assert.ok(node(r, "lb-a").notes.some((x) => /sync group G: VI_1 was MASTER here, VI_2 not: the group starts as BACKUP.*VI_1 gives up its VIPs here/.test(x)), node(r, "lb-a").notes.join("\n"));
  assert.ok(node(r, "lb-b").notes.some((x) => /sync group G: VI_2 was MASTER here, VI_1 not/.test(x)), node(r, "lb-b").notes.join("\n"));
  const vi1 = r.clusters.find((c) => c.name.startsWith("VI_1"))!;
  assert.match(vi1.explanation, /but at the reload lb-a gives them up: its new sync group starts as BACKUP/);
  // VI_2's own settings are the same, but lb-b gives its VIPs up too: that cluster is changed.
  const vi2 = r.clusters.find((c) => c.name.startsWith("VI_2"))!;
  assert.equal(vi2.status, "changed");
  assert.match(vi2.explanation, /lb-b gives them up/);
});

test("a new sync group whose members are all MASTER here stays MASTER; on the other node none was", () => {
  const before = { "lb-a": pair(A, A), "lb-b": pair(B, B) };
  const after = { "lb-a": pair(A, A, group("G", "VI_1", "VI_2")), "lb-b": pair(B, B, group("G", "VI_1", "VI_2")) };
  const r = impact(before, after);
  assert.ok(node(r, "lb-a").notes.some((x) => /sync group G: every member was MASTER here, so the group is MASTER after the reload/.test(x)));
  assert.ok(node(r, "lb-b").notes.some((x) => /sync group G: no member was MASTER here/.test(x)));
  assert.ok(r.clusters.every((c) => !/gives the VIPs up/.test(c.explanation)));
});

test("sync group renamed, member added, group removed: what keepalived pairs by name", () => {
  const three = (top: string) => pair(A, A, top) + conf({ ...A, name: "VI_3", vrid: 70, vips: ["192.0.2.30/24"] });
  const renamed = impact({ "lb-a": three(group("G", "VI_1", "VI_2")) }, { "lb-a": three(group("H", "VI_1", "VI_2")) });
  const n = node(renamed, "lb-a");
  assert.deepEqual(n.syncGroups.map((g) => `${g.group} ${g.action}`), ["H created", "G removed"]);
  assert.ok(n.notes.some((x) => /sync group H: keepalived matches sync groups by name, so the group renamed from G is a new one: its notify scripts run again/.test(x)), n.notes.join("\n"));
  assert.ok(!n.notes.some((x) => /G removed/.test(x)));
  const grown = impact({ "lb-a": three(group("G", "VI_1", "VI_2")) }, { "lb-a": three(group("G", "VI_1", "VI_2", "VI_3")) });
  assert.deepEqual(node(grown, "lb-a").syncGroups, [{ group: "G", action: "kept", members: ["VI_1", "VI_2", "VI_3"], changes: ["member VI_3 added"] }]);
  assert.ok(node(grown, "lb-a").notes.some((x) => /every member was MASTER here/.test(x)));
  const gone = impact({ "lb-a": three(group("G", "VI_1", "VI_2")) }, { "lb-a": three("") });
  assert.deepEqual(node(gone, "lb-a").syncGroups.map((g) => `${g.group} ${g.action}`), ["G removed"]);
  assert.ok(node(gone, "lb-a").notes.some((x) => /sync group G removed: VI_1, VI_2 keep their states and from now on fail over each on its own/.test(x)));
  const same = impact({ "lb-a": three(group("G", "VI_1", "VI_2")) }, { "lb-a": three(group("G", "VI_1", "VI_2")) });
  assert.equal(same.apply, "none");
});

test("CLI: sync groups and route changes in text and JSON", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "impact-"));
  const write = (sideName: string, nodes: Record<string, string>) => {
    for (const [n, text] of Object.entries(nodes)) {
      fs.mkdirSync(path.join(dir, sideName, n), { recursive: true });
      fs.writeFileSync(path.join(dir, sideName, n, "keepalived.conf"), text);
    }
    return path.join(dir, sideName);
  };
  const route = "10.1.0.0/16 via 192.0.2.1 dev eth0";
  const old = write("old", { "lb-a": pair(A, B), "lb-b": pair(B, A) });
  const neu = write("new", { "lb-a": pair({ ...A, extra: routes(route) }, B, group("G", "VI_1", "VI_2")), "lb-b": pair(B, A, group("G", "VI_1", "VI_2")) });
  const text = lint(["impact", old, neu]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /sync group G: created on reload — members VI_1, VI_2/);
  assert.match(text.stdout, new RegExp(`VI_1: kept — virtual_routes "${route}" added`));
  const json = lint(["impact", "--format", "json", old, neu]);
  assert.equal(json.code, 0, json.stderr);
  const a = JSON.parse(json.stdout).nodes.find((n: { node: string }) => n.node === "lb-a");
  assert.deepEqual(a.syncGroups, [{ group: "G", action: "created", members: ["VI_1", "VI_2"], changes: [] }]);
  assert.deepEqual(a.changes, []);
  assert.ok(a.instances.find((i: { instance: string }) => i.instance === "VI_1").changes.includes(`virtual_routes "${route}" added`));
  fs.rmSync(dir, { recursive: true, force: true });
});
