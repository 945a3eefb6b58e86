// keepalived-lint render --inventory INV TEMPLATE: each host's configuration as Ansible would write
// it, undefined variables shown as `{{ name }}`.
import * as fs from "fs";
import * as path from "path";
import { UsageError, parseArgs, InputError } from "./args";
import { diskAccess } from "../core/config/files";
import { readTemplate } from "../core/template/template";
import { renderTemplate } from "../core/template/ansible/renderedHosts";

export const RENDER_USAGE = "keepalived-lint render --inventory INV [--host HOST]... [--format text|json] TEMPLATE";

const shown = (text: string) => text.replace(/\uE000([^\uE000]*)\uE000/g, "{{ $1 }}");

export function runRender(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseArgs(argv, ["inventory", "host", "format"], []);
  const inventory = args.options.get("inventory")?.[0];
  if (!inventory) throw new UsageError("render needs --inventory INV");
  if (args.paths.length !== 1) throw new UsageError("render takes one TEMPLATE");
  const format = args.options.get("format")?.[0] ?? "text";
  if (!["text", "json"].includes(format)) throw new UsageError(`unknown format '${format}' (text or json)`);
  const file = path.resolve(args.paths[0]);
  if (!fs.existsSync(path.resolve(inventory))) throw new InputError(`cannot read ${inventory}: ENOENT`);
  const text = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : undefined;
  if (text === undefined) throw new InputError(`cannot read ${args.paths[0]}: not a file`);
  const template = readTemplate(file, text);
  const rendering = template && renderTemplate(template, diskAccess, path.resolve(inventory));
  if (!rendering) {
    err(`keepalived-lint: ${args.paths[0]} is not a Jinja2 template with hosts in ${inventory}\n`);
    return 2;
  }
  const wanted = args.options.get("host");
  const hosts = rendering.hosts.filter((h) => !wanted || wanted.includes(h.host));
  if (wanted) for (const w of wanted) if (!rendering.project.inventory.hosts.includes(w)) throw new UsageError(`no host '${w}' in ${inventory}`);
  // A host of the inventory that no play applies the template's role to has no rendering: said, not an empty answer.
  const notRendered = (wanted ?? []).filter((w) => !rendering.hosts.some((h) => h.host === w));
  if (notRendered.length) {
    err(`keepalived-lint: ${notRendered.join(", ")}: no play applies this template's role to ${notRendered.length > 1 ? "these hosts" : "this host"}; rendered for: ${rendering.hosts.map((h) => h.host).join(", ") || "no host"}\n`);
    return 2;
  }
  if (format === "json") out(JSON.stringify({ hosts: hosts.map((h) => ({ host: h.host, text: shown(h.text) })), problems: rendering.problems }, null, 2) + "\n");
  else for (const h of hosts) out(`# ---- ${h.host} ----\n${shown(h.text).replace(/\n*$/, "\n")}`);
  for (const p of rendering.problems) err(`keepalived-lint: ${p.host}: ${p.message}\n`);
  return rendering.problems.length ? 1 : 0;
}
