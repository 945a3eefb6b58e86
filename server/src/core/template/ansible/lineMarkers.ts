// Which template line each rendered line came from. Before rendering, every template line that
// starts outside a tag gets an invisible marker with its number; static text is copied verbatim, so
// after rendering each output line carries the marker of the template line it started on.
import type { TemplateFile } from "../template";

const OPEN = "\u0001";
const CLOSE = "\u0002";

export function withLineMarkers(t: TemplateFile): string {
  const inTag = (offset: number) => t.tags.some((tag) => offset > tag.start && offset < tag.end);
  const lines = t.text.split("\n");
  let offset = 0;
  return lines
    .map((line, n) => {
      const at = offset;
      offset += line.length + 1;
      // A left-trimming tag first on the line eats the break before it: a marker would stop it.
      if (inTag(at) || /^\s*(?:\{[{%#]-|<%-)/.test(line)) return line;
      return `${OPEN}${n}${CLOSE}${line}`;
    })
    .join("\n");
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
