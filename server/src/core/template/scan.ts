// Finds the tags of each dialect with exact offsets. Everything between tags is static text,
// which is what gets checked as keepalived.
import type { Dialect } from "./dialect";
import type { Tag, TagKind } from "./tags";

/** Where `close` ends, skipping quoted strings inside the tag; -1 when never closed. A quote with
 *  no partner on its line is an apostrophe, not a string, so it cannot swallow the rest of the file. */
function findClose(text: string, from: number, close: string): number {
  // Where the last partner search of each quote ended without a partner (the end of that line): a quote
  // of the same kind before there has none either, so a line of many apostrophes is searched once, not once each.
  let noDoubleUntil = -1;
  let noSingleUntil = -1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      if (i < (c === '"' ? noDoubleUntil : noSingleUntil)) continue;
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      if (text[j] === c) i = j;
      else if (c === '"') noDoubleUntil = j;
      else noSingleUntil = j;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
  }
  return -1;
}

function stripControl(code: string): string {
  return code.replace(/^[-+~=]/, "").replace(/[-+~]$/, "").trim();
}

function delimited(text: string, pairs: { open: string; close: string; kind: (inner: string) => TagKind; quotes: boolean }[]): Tag[] {
  const tags: Tag[] = [];
  // Where each opener is next found at or after `i` (-1: nowhere): searched again only once `i` has
  // passed it, so an opener that never comes costs one search, not one per tag of the others.
  const next = pairs.map(() => -2);
  let i = 0;
  while (i < text.length) {
    let best = -1;
    for (let k = 0; k < pairs.length; k++) {
      if (next[k] !== -1 && next[k] < i) next[k] = text.indexOf(pairs[k].open, i);
      const at = next[k];
      if (at >= 0 && (best < 0 || at < next[best] || (at === next[best] && pairs[k].open.length > pairs[best].open.length))) best = k;
    }
    if (best < 0) break;
    const at = next[best];
    const pair = pairs[best];
    const from = at + pair.open.length;
    let end = pair.quotes ? findClose(text, from, pair.close) : text.indexOf(pair.close, from);
    if (end >= 0 && !pair.quotes) end += pair.close.length;
    const unterminated = end < 0;
    if (unterminated) end = text.length;
    const inner = text.slice(from, unterminated ? end : end - pair.close.length);
    tags.push({ kind: pair.kind(inner), start: at, end, code: stripControl(inner), ...(unterminated ? { unterminated } : {}) });
    i = end;
  }
  return tags;
}

function jinja(text: string): Tag[] {
  const tags = delimited(text, [
    { open: "{{", close: "}}", kind: () => "expression", quotes: true },
    { open: "{%", close: "%}", kind: () => "statement", quotes: true },
    { open: "{#", close: "#}", kind: () => "comment", quotes: false },
  ]);
  // `{% raw %}...{% endraw %}`: what stands between is static text.
  const out: Tag[] = [];
  for (let k = 0; k < tags.length; k++) {
    out.push(tags[k]);
    if (tags[k].kind === "statement" && /^raw\b/.test(tags[k].code)) {
      let close = k + 1;
      while (close < tags.length && !(tags[close].kind === "statement" && /^endraw\b/.test(tags[close].code))) close++;
      if (close < tags.length) {
        out.push(tags[close]);
        k = close;
      }
    }
  }
  return out;
}

const GO_CONTROL = /^(?:if|else|end|range|with|define|block|break|continue)\b|^\$[A-Za-z0-9_]*\s*:?=/;

function go(text: string): Tag[] {
  return delimited(text, [
    {
      open: "{{",
      close: "}}",
      quotes: true,
      kind: (inner) => {
        const code = stripControl(inner);
        if (code.startsWith("/*")) return "comment";
        return GO_CONTROL.test(code) ? "statement" : "expression";
      },
    },
  ]);
}

function erb(text: string): Tag[] {
  // `<%%` writes a literal `<%`: not a tag.
  const tags = delimited(text.replace(/<%%/g, "\u0000\u0000\u0000"), [
    {
      open: "<%",
      close: "%>",
      quotes: false,
      kind: (inner) => (inner.startsWith("#") ? "comment" : inner.startsWith("=") ? "expression" : "statement"),
    },
  ]);
  for (const t of tags) t.code = t.code.replace(/^#/, "").replace(/^=+/, "").trim();
  return tags;
}

/** envsubst's `${VAR}`, `${VAR:-default}` and `$VAR`; `$$` is a literal dollar. */
function envsubst(text: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of text.matchAll(/\{\$([A-Za-z_][A-Za-z0-9_]*)([^}\s$]*)\}/g)) {
    tags.push({
      kind: "expression",
      start: m.index!,
      end: m.index! + m[0].length,
      code: m[1],
      problem: `'${m[0]}': envsubst replaces only '$${m[1]}' and leaves the braces${m[2] ? ` (and '${m[2]}')` : ""}, which keepalived reads as a block; write '\${${m[1]}}'`,
    });
  }
  // Both lists come in text order: one pointer into the first, not a search of it per match.
  let t = 0;
  const inside = (at: number) => {
    while (t < tags.length && tags[t].end <= at) t++;
    return t < tags.length && at >= tags[t].start;
  };
  for (const m of text.matchAll(/\$\$|\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?[-=+?])[^}\n]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (m[0] === "$$" || inside(m.index!)) continue;
    tags.push({ kind: "expression", start: m.index!, end: m.index! + m[0].length, code: m[0].replace(/^\$\{?/, "").replace(/\}$/, "") });
  }
  return tags.sort((a, b) => a.start - b.start);
}

/** Placeholders a sed script replaces: `@NAME@`, `%NAME%`, `#NAME#` (upper case, no blanks). */
function sed(text: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of text.matchAll(/([@%#])([A-Z][A-Z0-9_]*)\1/g)) tags.push({ kind: "expression", start: m.index!, end: m.index! + m[0].length, code: m[2] });
  return tags;
}

export function scanTags(text: string, dialect: Dialect): Tag[] {
  switch (dialect) {
    case "jinja":
      return jinja(text);
    case "go":
      return go(text);
    case "erb":
      return erb(text);
    case "envsubst":
      return envsubst(text);
    case "sed":
      return sed(text);
  }
}
