// A role template rendered for every host of its play: one plain keepalived text per host, with the
// template line of each output line and the host's variables with where they were written.
import * as path from "path";
import type { FileAccess } from "../../config/files";
import type { TemplateFile } from "../template";
import type { VariableLayer } from "./definitions";
import { ansibleProject, AnsibleProject, hostVariables, hostsOf, groupsOfHost } from "./project";
import { neverRenders, renderForHost } from "./render";

export interface RenderedHost {
  host: string;
  template: string;
  /** A path of its own (never on disk) that the rendered text is checked as. */
  file: string;
  text: string;
  /** Template line (0-based) of each rendered line. */
  origin: number[];
  variables: VariableLayer;
}

export interface RenderProblem {
  host: string;
  template: string;
  message: string;
  line?: number;
}

export interface Rendering {
  project: AnsibleProject;
  hosts: RenderedHost[];
  problems: RenderProblem[];
}

/** Where a host's rendering is checked: beside the template, in a folder named for the host. */
export function renderedPath(template: string, host: string): string {
  const base = path.basename(template).replace(/\.(j2|jinja2?|tmpl|tpl|template)$/i, "");
  return path.join(path.dirname(template), `${host}.rendered`, base);
}

function valuesOf(layer: VariableLayer): Record<string, unknown> {
  return Object.fromEntries([...layer].map(([k, d]) => [k, d.value]));
}

export function renderTemplate(t: TemplateFile, access: FileAccess, inventory?: string): Rendering | undefined {
  if (t.dialect !== "jinja") return undefined;
  try {
    return renderAll(t, access, inventory);
  } catch {
    // An inventory or vars file we cannot make sense of: the template is still checked statically.
    return undefined;
  }
}

function renderAll(t: TemplateFile, access: FileAccess, inventory?: string): Rendering | undefined {
  const project = ansibleProject(t.file, access, inventory);
  if (!project) return undefined;
  const inv = project.inventory;
  const groups: Record<string, string[]> = { all: [...inv.hosts], ungrouped: hostsOf(inv, "ungrouped") };
  for (const g of new Set([...inv.groupHosts.keys(), ...inv.children.keys()])) groups[g] = hostsOf(inv, g);
  const layers = new Map(inv.hosts.map((h) => [h, hostVariables(project, h, access)]));
  const hostvars: Record<string, Record<string, unknown>> = {};
  for (const h of inv.hosts) hostvars[h] = { ...valuesOf(layers.get(h)!), inventory_hostname: h, inventory_hostname_short: h.split(".")[0], group_names: groupsOfHost(inv, h) };
  const hosts: RenderedHost[] = [];
  const problems: RenderProblem[] = [];
  // Once for the play, not per host: every host renders the same template.
  const never = neverRenders(t, access);
  for (const host of project.hosts) {
    const context = { ...hostvars[host], groups, hostvars, play_hosts: project.hosts, ansible_play_hosts: project.hosts };
    const r = never ? { error: { message: never, line: 0 } } : renderForHost(t, context, access);
    if (r.error || !r.output) problems.push({ host, template: t.file, message: r.error?.message ?? "nothing rendered", line: r.error?.line });
    else hosts.push({ host, template: t.file, file: renderedPath(t.file, host), text: r.output.text, origin: r.output.origin, variables: layers.get(host)! });
  }
  return { project, hosts, problems };
}
