// The Ansible project a role template belongs to: its inventory, the group its play targets, and the
// variable files (role defaults, group_vars/, host_vars/, role vars), read through the workspace's access.
import * as path from "path";
import { yaml } from "./lazyModules";
import type { FileAccess } from "../../config/files";
import { Inventory, parseInventory, hostsOf, groupsOfHost } from "./inventory";
import { mergeLayers, VariableLayer } from "./definitions";
import { yamlVariables } from "./yamlVariables";

const INVENTORY_NAMES = ["inventory", "inventory.ini", "inventory.yml", "inventory.yaml", "hosts", "hosts.ini", "hosts.yml", "hosts.yaml"];
const MAX_UP = 6;

/** What rendering reads besides the template: watched, so a change re-renders (globs for the editor). */
export const ANSIBLE_INPUTS = ["**/{group_vars,host_vars}/**", "**/{inventory,hosts}{,.ini,.yml,.yaml}", "**/inventory/**", "**/roles/*/{defaults,vars}/**"];
const MAX_VAR_FILES = 50;

export interface AnsibleProject {
  root: string;
  inventory: Inventory;
  /** The role the template belongs to, from `roles/<name>/templates/`. */
  role?: string;
  /** Hosts the template is rendered for: those of the play that applies the role, else all. */
  hosts: string[];
  /** Every input read, for knowing when to render again. */
  inputs: string[];
}

/** Files of an inventory given as a folder (inventory/hosts, inventory/production.yml ...). */
function inventoryFiles(p: string, access: FileAccess): string[] {
  if (!access.isDirectory(p)) return access.exists(p) ? [p] : [];
  return access
    .list(p)
    .filter((n) => !n.startsWith(".") && !["group_vars", "host_vars"].includes(n))
    .map((n) => path.join(p, n))
    .filter((f) => !access.isDirectory(f))
    .sort();
}

function findInventory(from: string, access: FileAccess): string | undefined {
  let dir = from;
  for (let i = 0; i <= MAX_UP; i++) {
    const cfg = access.read(path.join(dir, "ansible.cfg"));
    const configured = cfg && /^\s*inventory\s*=\s*(\S+)/m.exec(cfg)?.[1];
    if (configured) return path.resolve(dir, configured);
    // A file named `hosts` alone (think /etc/hosts) is no inventory: an Ansible project has more.
    const isProject = ["group_vars", "host_vars", "roles"].some((d) => access.isDirectory(path.join(dir, d)));
    for (const n of INVENTORY_NAMES) {
      const p = path.join(dir, n);
      if (isProject && access.exists(p)) return p;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function merged(files: string[], access: FileAccess): Inventory {
  const parts = files.map((f) => parseInventory(f, access.read(f) ?? ""));
  const inv = parts[0] ?? parseInventory(files[0] ?? "", "");
  for (const p of parts.slice(1)) {
    for (const h of p.hosts) if (!inv.hosts.includes(h)) inv.hosts.push(h);
    for (const [g, hs] of p.groupHosts) inv.groupHosts.set(g, [...new Set([...(inv.groupHosts.get(g) ?? []), ...hs])]);
    for (const [g, cs] of p.children) inv.children.set(g, [...new Set([...(inv.children.get(g) ?? []), ...cs])]);
    for (const [h, v] of p.hostVars) inv.hostVars.set(h, mergeLayers([inv.hostVars.get(h) ?? new Map(), v]));
    for (const [g, v] of p.groupVars) inv.groupVars.set(g, mergeLayers([inv.groupVars.get(g) ?? new Map(), v]));
  }
  return inv;
}

/** The play's `hosts:` for the role, read from the playbooks at the project root. */
function playHosts(root: string, role: string | undefined, inv: Inventory, access: FileAccess, inputs: string[]): string[] {
  if (!role) return [...inv.hosts];
  const books = access.list(root).filter((n) => /\.ya?ml$/.test(n)).map((n) => path.join(root, n)).slice(0, MAX_VAR_FILES);
  for (const book of books) {
    const text = access.read(book);
    if (!text || !text.includes(role)) continue;
    let plays: unknown;
    try {
      plays = yaml().parseDocument(text).toJS();
    } catch {
      continue;
    }
    if (!Array.isArray(plays)) continue;
    for (const play of plays as Record<string, unknown>[]) {
      const roles = Array.isArray(play?.roles) ? play.roles : [];
      const names = roles.map((r) => (typeof r === "string" ? r : (r as Record<string, unknown>)?.role ?? (r as Record<string, unknown>)?.name));
      if (!names.includes(role) || typeof play.hosts !== "string") continue;
      inputs.push(book);
      const out: string[] = [];
      for (const pattern of play.hosts.split(/[,:]/).map((x) => x.trim()).filter(Boolean)) for (const h of hostsOf(inv, pattern)) if (!out.includes(h)) out.push(h);
      if (out.length) return out;
    }
  }
  return [...inv.hosts];
}

/** The project of a template, given an inventory (`--inventory`) or found above the template. */
export function ansibleProject(template: string, access: FileAccess, inventoryPath?: string): AnsibleProject | undefined {
  const found = inventoryPath ?? findInventory(path.dirname(template), access);
  if (!found) return undefined;
  const files = inventoryFiles(found, access);
  if (!files.length) return undefined;
  const inventory = merged(files, access);
  if (!inventory.hosts.length) return undefined;
  const role = /[\\/]roles[\\/]([^\\/]+)[\\/]templates[\\/]/.exec(template)?.[1];
  const invDir = access.isDirectory(found) ? found : path.dirname(found);
  const roleRoot = role ? template.slice(0, template.search(/[\\/]roles[\\/]/)) : undefined;
  const root = roleRoot ?? invDir;
  const inputs = [...files];
  return { root, inventory, role, hosts: playHosts(root, role, inventory, access, inputs), inputs };
}

/** group_vars/<name>.yml, group_vars/<name>/*.yml (and the same for host_vars/), next to the inventory and the playbooks. */
function varsFiles(dirs: string[], kind: string, name: string, access: FileAccess): string[] {
  const out: string[] = [];
  for (const dir of [...new Set(dirs)]) {
    const base = path.join(dir, kind);
    for (const ext of ["", ".yml", ".yaml", ".json"]) {
      const f = path.join(base, name + ext);
      if (ext && access.exists(f) && !access.isDirectory(f)) out.push(f);
      if (!ext && access.isDirectory(f)) for (const n of access.list(f).sort()) if (/\.(ya?ml|json)$/.test(n)) out.push(path.join(f, n));
    }
  }
  return out.slice(0, MAX_VAR_FILES);
}

function layerOf(files: string[], access: FileAccess, inputs: string[]): VariableLayer {
  inputs.push(...files);
  return mergeLayers(files.map((f) => yamlVariables(f, access.read(f) ?? "")));
}

/** Every variable of one host, each with the file and line that gave it its value. */
export function hostVariables(project: AnsibleProject, host: string, access: FileAccess): VariableLayer {
  const inv = project.inventory;
  const dirs = [path.dirname(inv.file), project.root];
  const inputs = project.inputs;
  const roleDir = project.role ? path.join(project.root, "roles", project.role) : undefined;
  const layers: VariableLayer[] = [];
  if (roleDir) layers.push(layerOf(varsFiles([roleDir], "defaults", "main", access), access, inputs));
  layers.push(inv.groupVars.get("all") ?? new Map(), layerOf(varsFiles(dirs, "group_vars", "all", access), access, inputs));
  for (const g of groupsOfHost(inv, host)) layers.push(inv.groupVars.get(g) ?? new Map(), layerOf(varsFiles(dirs, "group_vars", g, access), access, inputs));
  layers.push(inv.hostVars.get(host) ?? new Map(), layerOf(varsFiles(dirs, "host_vars", host, access), access, inputs));
  if (roleDir) layers.push(layerOf(varsFiles([roleDir], "vars", "main", access), access, inputs));
  return mergeLayers(layers);
}

export { hostsOf, groupsOfHost };
