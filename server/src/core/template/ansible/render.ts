// Renders a role template for one host with nunjucks, as Ansible would with Jinja2: trim_blocks on,
// the host's variables plus inventory_hostname, groups, group_names and hostvars; undefined variables
// render as placeholders.
import * as path from "path";
import type * as Nunjucks from "nunjucks";
import { nunjucks } from "./lazyModules";
import type { FileAccess } from "../../config/files";
import type { TemplateFile } from "../template";
import { installAnsibleFilters } from "./filters";
import { placeholderValue } from "./placeholderValue";
import { guardLookups } from "./sandbox";
import { withLineMarkers, readLineMarkers, MarkedOutput } from "./lineMarkers";

let jinjaCompat = false;
const MAX_RANGE = 10000;

export interface RenderResult {
  output?: MarkedOutput;
  error?: { message: string; line?: number };
}

function environment(t: TemplateFile, access: FileAccess): Nunjucks.Environment {
  if (!jinjaCompat) {
    nunjucks().installJinjaCompat();
    guardLookups(nunjucks());
    jinjaCompat = true;
  }
  const dir = path.dirname(t.file);
  const loader = {
    getSource(name: string) {
      const file = path.resolve(dir, name);
      const src = file === t.file ? t.text : access.read(file);
      return src === undefined ? null : { src, path: file, noCache: true };
    },
  };
  const env = new (nunjucks().Environment)(loader as unknown as Nunjucks.ILoader, { autoescape: false, trimBlocks: true, lstripBlocks: false, throwOnUndefined: false });
  installAnsibleFilters(env);
  // Rendering cannot be interrupted: loops are bounded where they come from.
  env.addGlobal("range", (a: number, b?: number, step = 1) => {
    const [from, to] = b === undefined ? [0, Number(a)] : [Number(a), Number(b)];
    const out: number[] = [];
    for (let i = from; step > 0 ? i < to : i > to; i += step || 1) if (out.push(i) >= MAX_RANGE) break;
    return out;
  });
  // Names neither the host's variables nor nunjucks know: placeholders.
  const known = (env as unknown as { globals: Record<string, unknown> }).globals;
  (env as unknown as { globals: unknown }).globals = new Proxy(known, {
    has: () => true,
    get: (target, name) => (typeof name === "string" && !(name in target) ? placeholderValue(name) : target[name as string]),
  });
  return env;
}

export function renderForHost(t: TemplateFile, context: Record<string, unknown>, access: FileAccess): RenderResult {
  try {
    const env = environment(t, access);
    const rendered = env.renderString(withLineMarkers(t), context);
    return { output: readLineMarkers(rendered) };
  } catch (e) {
    const message = String((e as Error).message ?? e).replace(/\u0001\d+\u0002/g, "").replace(/\s+/g, " ").trim();
    const line = /\[Line (\d+)/.exec(message)?.[1];
    // Some errors (an unknown filter) come without a line: the first tag naming the culprit has it.
    const culprit = /not found: ([\w.]+)/.exec(message)?.[1];
    const tag = culprit ? t.tags.find((x) => x.code.includes(culprit)) : undefined;
    const tagLine = tag ? t.text.slice(0, tag.start).split("\n").length - 1 : undefined;
    return { error: { message: message.replace(/^\(unknown path\)\s*/, ""), line: line ? Number(line) - 1 : tagLine } };
  }
}
