// A placeholder whose fallback is written in the tag (`{{ vrid | default(51) }}`, `${VRID:-51}`) is
// checked as that fallback: it is what the file says when nothing else is given.
import type { Dialect } from "./dialect";
import type { Tag } from "./tags";

const LITERAL = String.raw`(-?\d+(?:\.\d+)?|'[^'\s]*'|"[^"\s]*")`;
const NAME = String.raw`[A-Za-z_][\w.]*(?:\[[^\]]*\])*`;
const SAFE_FILTERS = String.raw`(?:\s*\|\s*(?:int|string|trim|lower|upper|float)\b(?:\(\))?)*`;

const PATTERNS: Partial<Record<Dialect, RegExp[]>> = {
  jinja: [new RegExp(String.raw`^${NAME}\s*\|\s*(?:default|d)\(\s*${LITERAL}\s*(?:,\s*\w+\s*)?\)${SAFE_FILTERS}$`)],
  go: [new RegExp(String.raw`^default\s+${LITERAL}\s+\.?${NAME}$`), new RegExp(String.raw`^\.?${NAME}\s*\|\s*default\s+${LITERAL}$`)],
  erb: [new RegExp(String.raw`^@?${NAME}\s*\|\|\s*${LITERAL}$`)],
};

function unquote(s: string): string {
  return /^['"]/.test(s) ? s.slice(1, -1) : s;
}

/** The literal a tag falls back to, or undefined when its value is unknown. */
export function literalDefault(dialect: Dialect, tag: Tag): string | undefined {
  if (tag.kind !== "expression") return undefined;
  if (dialect === "envsubst") {
    const m = /^[A-Za-z_]\w*:?[-=](\S+)$/.exec(tag.code);
    return m ? m[1] : undefined;
  }
  // A bare literal (`{{ "{" }}`, used to write a brace Jinja would read as a tag) is static text.
  const bare = /^(["'])([^"'\n]*)\1$/.exec(tag.code);
  if (bare && bare[2] && !/\s/.test(bare[2])) return bare[2];
  for (const re of PATTERNS[dialect] ?? []) {
    const m = re.exec(tag.code);
    if (m) {
      const value = unquote(m[1]);
      return value && !/[{}"#!]/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
