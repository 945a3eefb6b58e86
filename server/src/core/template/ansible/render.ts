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
import { scanTags } from "../scan";
import { buildStructure } from "../structure";
import { withLineMarkers, readLineMarkers, MarkedOutput } from "./lineMarkers";

let jinjaCompat = false;
const MAX_RANGE = 10000;
/** A render error longer than this is cut: nunjucks nests one "Template render error" per include. */
const MAX_MESSAGE = 500;

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

/** A tag that reads another template by a literal name: `include`, `import`, `from`, `extends`. */
const NAMED = /^(?:include|import|from|extends)\s+(["'])([^"'\n]+)\1/;

/** The templates a Jinja2 text always reads: named literally by a tag outside every `if` and `for`. */
function alwaysRead(text: string): string[] {
  const tags = scanTags(text, "jinja");
  const regions = buildStructure("jinja", tags).regions;
  const inBlock = (at: number) => regions.some((r) => r.branches.some((b) => at >= b.start && at < b.end));
  const out: string[] = [];
  for (const tag of tags) {
    const m = tag.kind === "statement" ? NAMED.exec(tag.code) : null;
    if (m && !inBlock(tag.start)) out.push(m[2]);
  }
  return out;
}

/**
 * A chain of templates that always include the next and come back to one of them, if any: nunjucks
 * would recurse until the stack overflows (seconds per host, and a message of megabytes). An include
 * inside an `if` or `for` may be how a recursion ends, so it is not followed. At most 100 files.
 */
function includeCycle(t: TemplateFile, access: FileAccess): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const walk = (file: string, chain: string[]): string[] | undefined => {
    if (state.get(file) === "open") return [...chain.slice(chain.indexOf(file)), file];
    if (state.get(file) === "done" || state.size >= 100) return undefined;
    state.set(file, "open");
    const text = file === t.file ? t.text : access.read(file);
    for (const name of text === undefined ? [] : alwaysRead(text)) {
      const found = walk(path.resolve(path.dirname(t.file), name), [...chain, file]);
      if (found) return found;
    }
    state.set(file, "done");
    return undefined;
  };
  return walk(t.file, []);
}

/** Why no host can render the template, found before rendering it for each (a template that includes itself), if so. */
export function neverRenders(t: TemplateFile, access: FileAccess): string | undefined {
  const cycle = includeCycle(t, access);
  return cycle && `the template includes itself (${cycle.map((f) => path.basename(f)).join(" → ")}): it can never finish rendering`;
}

export function renderForHost(t: TemplateFile, context: Record<string, unknown>, access: FileAccess): RenderResult {
  try {
    const env = environment(t, access);
    const rendered = env.renderString(withLineMarkers(t), context);
    return { output: readLineMarkers(rendered) };
  } catch (e) {
    let message = String((e as Error).message ?? e).replace(/\u0001\d+\u0002/g, "").replace(/\s+/g, " ").trim();
    // One "Template render error: (path)" per include it went through: the first and the cause are enough.
    message = message.replace(/^((?:\(unknown path\)\s*)?Template render error: )(?:\([^)]*\)\s*(?:\[Line \d+, Column \d+\]\s*)?Template render error: )+/, "$1");
    if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)}…`;
    const line = /\[Line (\d+)/.exec(message)?.[1];
    // Some errors (an unknown filter) come without a line: the first tag naming the culprit has it.
    const culprit = /not found: ([\w.]+)/.exec(message)?.[1];
    const tag = culprit ? t.tags.find((x) => x.code.includes(culprit)) : undefined;
    const tagLine = tag ? t.text.slice(0, tag.start).split("\n").length - 1 : undefined;
    return { error: { message: message.replace(/^\(unknown path\)\s*/, ""), line: line ? Number(line) - 1 : tagLine } };
  }
}
