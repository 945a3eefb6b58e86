// Which template line each rendered line came from. Before rendering, every template line that
// starts outside a tag gets an invisible marker with its number; static text is copied verbatim, so
// after rendering each output line carries the marker of the template line it started on.
// Jinja2 that nunjucks reads differently is rewritten on the way (same lines, so markers still hold).
import type { TemplateFile } from "../template";
import type { Tag } from "../tags";

const OPEN = "\u0001";
const CLOSE = "\u0002";

/** `{% for x in xs if cond %}` (a loop filter nunjucks ignores) → a loop with an `if` inside. */
function loopFilters(t: TemplateFile): Map<Tag, string> {
  const out = new Map<Tag, string>();
  for (const r of t.structure.regions) {
    const open = r.tags[0];
    const close = r.tags[r.tags.length - 1];
    if (r.kind !== "loop" || r.tags.length !== 2 || open.kind !== "statement") continue;
    const m = /^for\s+(.+?)\s+in\s+(.+?)\s+if\s+(.+)$/.exec(open.code);
    if (!m || /\belse\b/.test(m[3])) continue;
    const raw = t.text.slice(open.start, open.end);
    const left = raw.startsWith("{%-") ? "{%-" : "{%";
    const right = raw.endsWith("-%}") ? "-%}" : "%}";
    out.set(open, `${left} for ${m[1]} in ${m[2]} %}{% if ${m[3]} ${right}`);
    const rawClose = t.text.slice(close.start, close.end);
    out.set(close, `${rawClose.startsWith("{%-") ? "{%-" : "{%"} endif %}${rawClose.replace(/^\{%-?/, "{%")}`);
  }
  return out;
}

export function withLineMarkers(t: TemplateFile): string {
  const rewrites = loopFilters(t);
  const inTag = (offset: number) => t.tags.some((tag) => offset > tag.start && offset < tag.end);
  const byStart = new Map(t.tags.filter((tag) => rewrites.has(tag)).map((tag) => [tag.start, tag]));
  let out = "";
  let lineStart = true;
  let line = 0;
  for (let i = 0; i < t.text.length; ) {
    if (lineStart) {
      lineStart = false;
      const rest = t.text.slice(i, t.text.indexOf("\n", i) < 0 ? t.text.length : t.text.indexOf("\n", i));
      // A left-trimming tag first on the line eats the break before it: a marker would stop it.
      if (!inTag(i) && !/^\s*(?:\{[{%#]-|<%-)/.test(rest)) out += `${OPEN}${line}${CLOSE}`;
    }
    const tag = byStart.get(i);
    if (tag) {
      out += rewrites.get(tag);
      line += (t.text.slice(tag.start, tag.end).match(/\n/g) ?? []).length;
      i = tag.end;
      continue;
    }
    const c = t.text[i++];
    out += c;
    if (c === "\n") (line++, (lineStart = true));
  }
  if (lineStart) out += `${OPEN}${line}${CLOSE}`;
  return out;
}

export interface MarkedOutput {
  text: string;
  /** Template line (0-based) of each output line. */
  origin: number[];
}

export function readLineMarkers(rendered: string): MarkedOutput {
  const origin: number[] = [];
  let last = 0;
  const lines = rendered.split("\n").map((line) => {
    const carried = last;
    let origin0: number | undefined;
    let seenContent = false;
    const clean = line.replace(/\u0001(\d+)\u0002|[^\u0001]/g, (m, n) => {
      if (n === undefined) {
        if (!/\s/.test(m)) seenContent = true;
        return m;
      }
      if (!seenContent) origin0 = Number(n);
      last = Number(n);
      return "";
    });
    origin.push(origin0 ?? (seenContent ? carried : last));
    return clean;
  });
  return { text: lines.join("\n"), origin };
}
