// Cluster test helpers: nodes written from a few options, fixes applied across files and checked
// to change nothing but the value they are about.
import * as path from "path";
import * as assert from "node:assert/strict";
import { ROOT, workspaceOf, applyEdits, withCode } from "../helpers";
import type { Diagnostic, Fix } from "../../server/src/core/check/diagnostic";
import { parseConfig } from "../../server/src/core/syntax/parse";
import type { Item } from "../../server/src/core/syntax/tree";
import type { Range } from "../../server/src/core/util/range";
import { comparePositions } from "../../server/src/core/util/range";

export interface InstanceOptions {
  name?: string;
  state?: string;
  iface?: string;
  vrid?: number | string;
  priority?: number;
  advert?: number | string;
  version?: number;
  authType?: string;
  authPass?: string;
  vips?: string[];
  src?: string;
  peers?: string[];
  tracks?: string[];
  extra?: string[];
}

export interface NodeOptions extends InstanceOptions {
  routerId?: string;
  globals?: string[];
  /** Text after global_defs (vrrp_script blocks, sync groups ...). */
  before?: string;
  instances?: InstanceOptions[];
}

export function instanceText(o: InstanceOptions): string {
  const lines = [`vrrp_instance ${o.name ?? "VI_1"} {   # the web VIP`];
  lines.push(`    state ${o.state ?? "BACKUP"}`);
  lines.push(`    interface ${o.iface ?? "eth0"}`);
  if (o.vrid !== undefined) lines.push(`    virtual_router_id ${o.vrid}   # must match the peer`);
  if (o.priority !== undefined) lines.push(`    priority ${o.priority}`);
  if (o.advert !== undefined) lines.push(`    advert_int ${o.advert}`);
  if (o.version !== undefined) lines.push(`    version ${o.version}`);
  if (o.src) lines.push(`    unicast_src_ip ${o.src}`);
  if (o.peers) lines.push(`    unicast_peer {`, ...o.peers.map((p) => `        ${p}`), `    }`);
  if (o.authType || o.authPass) {
    lines.push(`    authentication {`);
    if (o.authType) lines.push(`        auth_type ${o.authType}`);
    if (o.authPass) lines.push(`        auth_pass ${o.authPass}`);
    lines.push(`    }`);
  }
  lines.push(`    virtual_ipaddress {`, `        ! keep in sync with DNS`, ...(o.vips ?? []).map((v) => `        ${v}`), `    }`);
  if (o.tracks) lines.push(`    track_script {`, ...o.tracks.map((t) => `        ${t}`), `    }`);
  lines.push(...(o.extra ?? []).map((l) => `    ${l}`));
  lines.push(`}`);
  return lines.join("\n");
}

export function nodeText(o: NodeOptions): string {
  const parts = [`! node ${o.routerId ?? "?"}`, `global_defs {`, ...(o.routerId ? [`    router_id ${o.routerId}`] : []), ...(o.globals ?? []).map((g) => `    ${g}`), `}`, ""];
  if (o.before) parts.push(o.before, "");
  for (const i of o.instances ?? [o]) parts.push(instanceText(i), "");
  return parts.join("\n");
}

/** Two nodes lb-a (MASTER, 150) and lb-b (BACKUP, 100) of one unicast pair, each side overridable. */
export function pair(a: NodeOptions = {}, b: NodeOptions = {}): Record<string, string> {
  const common: NodeOptions = { vrid: 51, advert: 1, authType: "PASS", authPass: "s3cr3t", vips: ["192.0.2.10/24"] };
  return {
    "lb-a/keepalived.conf": nodeText({ ...common, routerId: "lb-a", state: "MASTER", priority: 150, src: "10.0.0.11", peers: ["10.0.0.12"], ...a }),
    "lb-b/keepalived.conf": nodeText({ ...common, routerId: "lb-b", state: "BACKUP", priority: 100, iface: "ens192", src: "10.0.0.12", peers: ["10.0.0.11"], ...b }),
  };
}

export function clusterDiagnostics(files: Record<string, string>, code: string): Diagnostic[] {
  return withCode(workspaceOf(files).diagnostics(), code);
}

/** The files a diagnostic sits on, relative to the test root, e.g. ["lb-a/keepalived.conf"]. */
export function filesOf(diags: Diagnostic[]): string[] {
  return [...new Set(diags.map((d) => path.relative(ROOT, d.file)))].sort();
}

function words(items: Item[], out: { raw: string; range: Range }[] = []): { raw: string; range: Range }[] {
  for (const item of items) {
    if (item.kind === "statement") {
      for (const w of [item.keyword, ...item.args]) out.push({ raw: w.raw, range: w.range });
      if (item.block) words(item.block.items, out);
    } else if (item.kind === "bareBlock") words(item.block.items, out);
  }
  return out;
}

const inside = (r: Range, e: Range) => comparePositions(e.start, r.start) <= 0 && comparePositions(r.end, e.end) <= 0;

/** Applies a fix to the files; asserts no comment changed and every removed word lay inside an edit. */
export function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const out = { ...files };
  for (const name of Object.keys(files)) {
    const edits = fix.edits.filter((e) => e.file === path.join(ROOT, name));
    if (!edits.length) continue;
    const before = parseConfig(files[name]);
    const after = parseConfig((out[name] = applyEdits(files[name], edits)));
    assert.deepEqual(after.comments.map((c) => c.text), before.comments.map((c) => c.text), `comments of ${name} changed`);
    const remaining = new Map<string, number>();
    for (const w of words(after.items)) remaining.set(w.raw, (remaining.get(w.raw) ?? 0) + 1);
    // Words inside an edit may go; match the others first so a repeated value is not mistaken for them.
    const within = (w: { range: Range }) => edits.some((e) => inside(w.range, e.range));
    const ordered = words(before.items).sort((x, y) => Number(within(x)) - Number(within(y)));
    for (const w of ordered) {
      const n = remaining.get(w.raw) ?? 0;
      if (n > 0) remaining.set(w.raw, n - 1);
      else assert.ok(within(w), `fix removed '${w.raw}' outside its edits in ${name}`);
    }
    const added = [...remaining].filter(([, n]) => n > 0).map(([raw]) => raw);
    for (const raw of added) assert.ok(edits.some((e) => e.newText.includes(raw)), `'${raw}' appeared in ${name} but no edit wrote it`);
  }
  return out;
}

/** Applies the first fix titled like `title` (any when omitted) of the diagnostics with `code`, and re-checks. */
export function fixAndRecheck(files: Record<string, string>, code: string, title?: RegExp): { files: Record<string, string>; remaining: Diagnostic[] } {
  const diags = clusterDiagnostics(files, code);
  assert.ok(diags.length, `no ${code} to fix`);
  const fixes = diags.flatMap((d) => d.fixes ?? []);
  const fix = fixes.find((f) => !title || title.test(f.title));
  assert.ok(fix, `${code} has no fix${title ? ` matching ${title}` : ""}: ${JSON.stringify(fixes.map((f) => f.title))}`);
  const fixed = applyFix(files, fix);
  return { files: fixed, remaining: workspaceOf(fixed).diagnostics() };
}
