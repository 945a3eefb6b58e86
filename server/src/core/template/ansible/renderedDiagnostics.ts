// Findings on a host's rendered configuration, brought back to the template line they came from,
// with the hosts named and related locations at the host_vars/ or group_vars/ lines that gave the
// variables of that line their values.
import { containsPlaceholder } from "../placeholder";
import type { Diagnostic, RelatedLocation } from "../../check/diagnostic";
import type { Range } from "../../util/range";
import type { TemplateFile } from "../template";
import type { RenderedHost, RenderProblem } from "./renderedHosts";
import { offsetPosition } from "../offsets";
import { renderProblemDiagnostic } from "./template-render";

const NOT_VARIABLES = new Set(["and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None", "defined", "undefined", "loop", "hostvars", "groups", "inventory_hostname", "item"]);

/** Variable names an expression reads, filters left out. */
function namesIn(code: string): string[] {
  const head = code.split("|")[0];
  const keys = [...head.matchAll(/\[\s*['"]([A-Za-z_]\w*)['"]\s*\]/g)].map((m) => m[1]);
  const words = [...head.replace(/(['"]).*?\1/g, "").matchAll(/(?<![.\w])[A-Za-z_]\w*/g)].map((m) => m[0]);
  return [...new Set([...words, ...keys])].filter((n) => !NOT_VARIABLES.has(n));
}

export class TemplateLineMap {
  private readonly lineStarts: number[];
  private readonly loopSources = new Map<string, string[]>();

  constructor(readonly template: TemplateFile) {
    this.lineStarts = [0];
    for (let i = 0; i < template.text.length; i++) if (template.text[i] === "\n") this.lineStarts.push(i + 1);
    for (const tag of template.tags) {
      const m = /^for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\s+(.+)$/.exec(tag.code);
      if (m) for (const v of [m[1], m[2]].filter(Boolean)) this.loopSources.set(v, namesIn(m[3]));
    }
  }

  private tagsOnLine(line: number) {
    const start = this.lineStarts[line] ?? 0;
    const end = this.lineStarts[line + 1] ?? this.template.text.length;
    return this.template.tags.filter((t) => t.start < end && t.end > start);
  }

  /** The range on the template for a rendered range: the same text where it is static, else the tag or the line. */
  range(line: number, renderedText: string): Range {
    const start = this.lineStarts[line] ?? 0;
    const end = (this.lineStarts[line + 1] ?? this.template.text.length + 1) - 1;
    const lineText = this.template.text.slice(start, end);
    const tags = this.tagsOnLine(line);
    if (renderedText.trim()) {
      for (let at = lineText.indexOf(renderedText); at >= 0; at = lineText.indexOf(renderedText, at + 1)) {
        const a = start + at;
        const b = a + renderedText.length;
        if (!tags.some((t) => a < t.end && b > t.start)) return { start: offsetPosition(this.template.text, a), end: offsetPosition(this.template.text, b) };
      }
    }
    const expressions = tags.filter((t) => t.kind === "expression");
    if (expressions.length === 1) return { start: offsetPosition(this.template.text, expressions[0].start), end: offsetPosition(this.template.text, expressions[0].end) };
    // Through offsets, and never ending before it starts: a line of blanks alone (`\r\r` before a `\n`) gave a
    // start past its end, and a lone `\r` makes keepalived's line number another editor line.
    const first = lineText.length - lineText.trimStart().length;
    const last = Math.max(first, lineText.trimEnd().length);
    return { start: offsetPosition(this.template.text, start + first), end: offsetPosition(this.template.text, start + last) };
  }

  /** Variables the line's expressions read, through loop variables to what they loop over. */
  variablesOnLine(line: number): string[] {
    const out = new Set<string>();
    for (const t of this.tagsOnLine(line)) {
      if (t.kind !== "expression") continue;
      for (const n of namesIn(t.code)) {
        if (this.loopSources.has(n)) this.loopSources.get(n)!.forEach((s) => out.add(s));
        else out.add(n);
      }
    }
    return [...out];
  }
}

function show(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}

/**
 * Brings findings on rendered files back to their templates. `statics` are the template's own
 * findings: a rendered finding of the same code on the same line says nothing new.
 */
/** A message that quotes a value made from an undefined variable names the variable as the template writes it. */
function namedPlaceholders(message: string): string {
  return containsPlaceholder(message) ? message.replace(/\uE000([^\uE000]*)\uE000/g, "{{ $1 }}").replace(/\uE000/g, "") : message;
}

export function mapRenderedDiagnostics(all: Diagnostic[], hosts: RenderedHost[], templates: Map<string, TemplateFile>, problems: RenderProblem[]): Diagnostic[] {
  const byFile = new Map(hosts.map((h) => [h.file, h]));
  const maps = new Map<string, TemplateLineMap>();
  const mapOf = (file: string) => {
    let m = maps.get(file);
    if (!m) maps.set(file, (m = new TemplateLineMap(templates.get(file)!)));
    return m;
  };
  const rendered = (h: RenderedHost, r: Range) => {
    const line = h.text.split("\n")[r.start.line] ?? "";
    const text = r.start.line === r.end.line ? line.slice(r.start.character, r.end.character) : line.slice(r.start.character);
    const tline = h.origin[r.start.line] ?? 0;
    return { line: tline, range: mapOf(h.template).range(tline, text), text };
  };
  const staticLines = new Set(all.filter((d) => templates.has(d.file)).map((d) => `${d.file}\u0000${d.range.start.line}\u0000${d.code}`));
  const grouped = new Map<string, { d: Diagnostic; hosts: string[] }>();
  const out: Diagnostic[] = [];
  for (const d of all) {
    const h = byFile.get(d.file);
    if (!h) {
      out.push(d.related?.some((r) => byFile.has(r.file)) ? { ...d, related: d.related.filter((r) => !byFile.has(r.file)) } : d);
      continue;
    }
    const at = rendered(h, d.range);
    if (staticLines.has(`${h.template}\u0000${at.line}\u0000${d.code}`)) continue;
    // On a variable the host does not define: its value is unknown here, as a template expression is
    // to the static check, which drops such findings too (they quoted the placeholder's private-use marks).
    if (containsPlaceholder(at.text)) continue;
    const involved: { host: RenderedHost; line: number }[] = [{ host: h, line: at.line }];
    const related: RelatedLocation[] = [];
    for (const r of d.related ?? []) {
      const other = byFile.get(r.file);
      if (!other) {
        related.push(r);
        continue;
      }
      const o = rendered(other, r.range);
      related.push({ file: other.template, range: o.range, message: `${other.host}: ${namedPlaceholders(r.message)}` });
      if (!involved.some((x) => x.host === other)) involved.push({ host: other, line: o.line });
    }
    for (const { host, line } of involved) {
      for (const name of mapOf(host.template).variablesOnLine(line)) {
        const def = host.variables.get(name);
        if (def) related.push({ file: def.file, range: def.range, message: `${host.host}: ${name} = ${show(def.value)}` });
      }
    }
    // Fixes edit the rendered text, which is nowhere on disk: none on the template.
    const { fixes: _fixes, ...rest } = d;
    const mapped: Diagnostic = { ...rest, file: h.template, range: at.range, related, message: namedPlaceholders(rest.message) };
    // A cross-host finding is reported by each host it involves: once is enough on the one template line.
    const who = involved.length > 1 ? involved.map((x) => x.host.host).sort().join(",") : d.message;
    const key = `${mapped.file}\u0000${at.range.start.line}:${at.range.start.character}\u0000${d.code}\u0000${who}`;
    const g = grouped.get(key);
    if (g) {
      if (!g.hosts.includes(h.host)) g.hosts.push(h.host);
      for (const r of related) if (!g.d.related!.some((x) => x.file === r.file && x.range.start.line === r.range.start.line && x.message === r.message)) g.d.related!.push(r);
    } else grouped.set(key, { d: mapped, hosts: [h.host] });
  }
  for (const { d, hosts: names } of grouped.values()) {
    const unnamed = names.filter((n) => !new RegExp(`(^|[^\\w.-])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\w.-]|$)`).test(d.message));
    out.push({ ...d, message: unnamed.length ? `${unnamed.join(", ")}: ${d.message}` : d.message, ...(d.related?.length ? {} : { related: undefined }) });
  }
  for (const p of problems) out.push(renderProblemDiagnostic(p, templates.get(p.template)));
  return out;
}
