// An Ansible inventory, INI or YAML: its hosts, its groups (with children) and the variables written
// in it, each with its line.
import type { Pair, YAMLMap } from "yaml";
import { yaml } from "./lazyModules";
import type { Defined, VariableLayer } from "./definitions";

export interface Inventory {
  file: string;
  /** Hosts in the order the inventory names them. */
  hosts: string[];
  /** Group → direct member hosts. */
  groupHosts: Map<string, string[]>;
  /** Group → child groups. */
  children: Map<string, string[]>;
  hostVars: Map<string, VariableLayer>;
  groupVars: Map<string, VariableLayer>;
}

function empty(file: string): Inventory {
  return { file, hosts: [], groupHosts: new Map(), children: new Map(), hostVars: new Map(), groupVars: new Map() };
}

function addHost(inv: Inventory, group: string, host: string): void {
  if (!inv.hosts.includes(host)) inv.hosts.push(host);
  const list = inv.groupHosts.get(group) ?? [];
  if (!list.includes(host)) list.push(host);
  inv.groupHosts.set(group, list);
}

function layer(map: Map<string, VariableLayer>, key: string): VariableLayer {
  let l = map.get(key);
  if (!l) map.set(key, (l = new Map()));
  return l;
}

/** `key=value` pairs, values unquoted; numbers and booleans as YAML would read them. */
function iniValue(raw: string): unknown {
  const v = raw.replace(/^(['"])(.*)\1$/, "$2");
  if (/^-?\d+$/.test(v)) return Number(v);
  if (/^(true|yes)$/i.test(v)) return true;
  if (/^(false|no)$/i.test(v)) return false;
  return v;
}

/** `lb[1:3]` names lb1, lb2, lb3. */
function expandRange(name: string): string[] {
  const m = /^(.*)\[(\d+):(\d+)\](.*)$/.exec(name);
  if (!m) return [name];
  const out: string[] = [];
  const width = m[2].length;
  for (let i = Number(m[2]); i <= Number(m[3]) && out.length < 1000; i++) out.push(m[1] + String(i).padStart(width, "0") + m[4]);
  return out;
}

function parseIni(file: string, text: string): Inventory {
  const inv = empty(file);
  let group = "ungrouped";
  let section: "hosts" | "vars" | "children" = "hosts";
  text.split("\n").forEach((raw, line) => {
    const s = raw.replace(/\s[#;].*$/, "").trim();
    if (!s || s.startsWith("#") || s.startsWith(";")) return;
    const header = /^\[([^\]:]+)(?::(vars|children))?\]$/.exec(s);
    if (header) {
      group = header[1];
      section = (header[2] as "vars" | "children") ?? "hosts";
      if (!inv.groupHosts.has(group)) inv.groupHosts.set(group, []);
      return;
    }
    if (section === "children") {
      const list = inv.children.get(group) ?? [];
      list.push(s);
      inv.children.set(group, list);
      return;
    }
    const at = (name: string): Defined["range"] => {
      const c = raw.indexOf(name);
      return { start: { line, character: c }, end: { line, character: c + name.length } };
    };
    if (section === "vars") {
      const m = /^([^=\s]+)\s*=\s*(.*)$/.exec(s);
      if (m) layer(inv.groupVars, group).set(m[1], { value: iniValue(m[2]), file, range: at(m[1]) });
      return;
    }
    const [name, ...pairs] = s.split(/\s+/);
    for (const host of expandRange(name)) {
      addHost(inv, group, host);
      for (const p of pairs) {
        const m = /^([^=]+)=(.*)$/.exec(p);
        if (m) layer(inv.hostVars, host).set(m[1], { value: iniValue(m[2]), file, range: at(p) });
      }
    }
  });
  return inv;
}

function parseYaml(file: string, text: string): Inventory {
  const { LineCounter, parseDocument, isMap, isScalar } = yaml();
  const inv = empty(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const rangeOf = (pair: Pair): Defined["range"] => {
    const r = (pair.key as { range?: [number, number] }).range ?? [0, 0];
    const a = lines.linePos(r[0]);
    const b = lines.linePos(r[1]);
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  };
  const valueOf = (pair: Pair): unknown => (pair.value && typeof (pair.value as { toJSON?: unknown }).toJSON === "function" ? (pair.value as { toJSON(): unknown }).toJSON() : isScalar(pair.value) ? pair.value.value : null);
  const varsInto = (target: VariableLayer, node: unknown) => {
    if (!isMap(node)) return;
    for (const pair of node.items) if (isScalar(pair.key)) target.set(String(pair.key.value), { value: valueOf(pair), file, range: rangeOf(pair) });
  };
  const visitGroup = (name: string, node: unknown, depth: number) => {
    if (!inv.groupHosts.has(name)) inv.groupHosts.set(name, []);
    if (!isMap(node) || depth > 20) return;
    for (const pair of (node as YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key === "hosts" && isMap(pair.value)) {
        for (const h of pair.value.items) {
          if (!isScalar(h.key)) continue;
          for (const host of expandRange(String(h.key.value))) {
            addHost(inv, name, host);
            varsInto(layer(inv.hostVars, host), h.value);
          }
        }
      } else if (key === "vars") varsInto(layer(inv.groupVars, name), pair.value);
      else if (key === "children" && isMap(pair.value)) {
        for (const c of pair.value.items) {
          if (!isScalar(c.key)) continue;
          const child = String(c.key.value);
          const list = inv.children.get(name) ?? [];
          if (!list.includes(child)) list.push(child);
          inv.children.set(name, list);
          visitGroup(child, c.value, depth + 1);
        }
      }
    }
  };
  if (isMap(doc.contents)) for (const pair of doc.contents.items) if (isScalar(pair.key)) visitGroup(String(pair.key.value), pair.value, 0);
  return inv;
}

export function parseInventory(file: string, text: string): Inventory {
  const looksYaml = /\.ya?ml$/i.test(file) || (/^\s*[\w.-]+:\s*$/m.test(text) && !/^\s*\[[^\]]+\]\s*$/m.test(text));
  try {
    return looksYaml ? parseYaml(file, text) : parseIni(file, text);
  } catch {
    return empty(file);
  }
}

/** Every host of a group, through its children. */
export function hostsOf(inv: Inventory, group: string): string[] {
  if (group === "all") return [...inv.hosts];
  // A set beside the list: `out.includes` made each call quadratic in the group's hosts, and it is
  // asked for every group of every host (2,000 hosts in one group took minutes).
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (g: string) => {
    if (seen.has(g)) return;
    seen.add(g);
    for (const h of inv.groupHosts.get(g) ?? []) out.add(h);
    for (const c of inv.children.get(g) ?? []) visit(c);
  };
  visit(group);
  return [...out];
}

/** Each group's hosts (through its children), made once per inventory as it stands: groupsOfHost asks for every host. */
const members = new WeakMap<Inventory, { hosts: number; groups: number; byGroup: Map<string, Set<string>> }>();

function membersByGroup(inv: Inventory): Map<string, Set<string>> {
  const names = new Set([...inv.groupHosts.keys(), ...inv.children.keys()]);
  const kept = members.get(inv);
  if (kept && kept.hosts === inv.hosts.length && kept.groups === names.size) return kept.byGroup;
  const byGroup = new Map([...names].map((g) => [g, new Set(hostsOf(inv, g))]));
  members.set(inv, { hosts: inv.hosts.length, groups: names.size, byGroup });
  return byGroup;
}

/** The groups a host belongs to, parents before children (the order their variables apply in). */
export function groupsOfHost(inv: Inventory, host: string): string[] {
  const groups = [...membersByGroup(inv)].filter(([g, members]) => g !== "all" && members.has(host)).map(([g]) => g);
  const depth = (g: string, seen: Set<string> = new Set()): number => {
    if (seen.has(g)) return 0;
    seen.add(g);
    const parents = [...inv.children].filter(([, cs]) => cs.includes(g)).map(([p]) => p);
    return parents.length ? 1 + Math.max(...parents.map((p) => depth(p, new Set(seen)))) : 0;
  };
  return groups.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}
