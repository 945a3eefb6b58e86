// Which template language a file is written in, from its name first and its content second.
// A file no template name or tag marks is plain keepalived, whose own `${NAME}` stays its own.
import * as path from "path";

export type Dialect = "jinja" | "erb" | "go" | "envsubst" | "sed";

const BY_EXTENSION: Record<string, Dialect | "guess"> = {
  ".j2": "jinja",
  ".jinja": "jinja",
  ".jinja2": "jinja",
  ".erb": "erb",
  ".gotmpl": "go",
  ".tmpl": "guess",
  ".tpl": "guess",
  ".template": "guess",
  // Names some projects give the files they pipe through envsubst or sed.
  ".envsubst": "envsubst",
  ".sed": "sed",
};

/** Extensions that only mark a template when the name under them is a keepalived one. */
const NEEDS_KEEPALIVED_BASE = new Set([".template"]);

const KEEPALIVED_BASE = /keepalived|\.conf$/i;

/** Go's control actions; Jinja2 spells these inside `{% %}`. */
const GO_ACTION = /\{\{-?\s*(?:if|range|with|end|else|define|block|template)\b|\{\{-?\s*\.[A-Za-z]|\{\{-?\s*\/\*/;

/** A tag of ERB or Jinja2/Go closed on the line it opens on (bounded, so a long line costs little). */
const WHOLE_TAG_ON_A_LINE = /<%[^\n]{0,500}?%>|\{%[^\n]{0,500}?%\}|\{\{[^\n]{0,500}?\}\}/;

function guessFromTags(text: string): Dialect | undefined {
  if (/<%[=#-]?/.test(text) && /%>/.test(text)) return "erb";
  if (/\{%-?[\s\S]*?-?%\}/.test(text) || /\{#[\s\S]*?#\}/.test(text)) return "jinja";
  if (GO_ACTION.test(text)) return "go";
  if (/\{\{[\s\S]*?\}\}/.test(text)) return "jinja";
  return undefined;
}

/** The placeholders a template with no tags uses instead: `${VAR}` for envsubst, `@X@`/`%X%`/`#X#` for sed. */
function guessFromPlaceholders(text: string): Dialect | undefined {
  if (/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=+?][^}\n]*)?\}/.test(text)) return "envsubst";
  if (/([@%#])[A-Z][A-Z0-9_]*\1/.test(text)) return "sed";
  return undefined;
}

/** The dialect of a template file, or undefined for a plain keepalived file. */
export function templateDialect(file: string, text: string): Dialect | undefined {
  const ext = path.extname(file).toLowerCase();
  const byName = BY_EXTENSION[ext];
  if (byName && NEEDS_KEEPALIVED_BASE.has(ext) && !KEEPALIVED_BASE.test(path.basename(file, path.extname(file)))) return undefined;
  if (byName === "guess") return guessFromTags(text) ?? guessFromPlaceholders(text) ?? undefined;
  if (byName) return byName;
  // Any other name: only the tags of a real template language make it one (never `${VAR}`, which keepalived reads).
  // Each of those needs one of these openers: three plain searches spare a plain file the patterns on every keystroke.
  if (!text.includes("{{") && !text.includes("{%") && !text.includes("<%")) return undefined;
  // And one tag opened and closed on a line: stray `<%` and `%>` far apart (binary junk, a password) make
  // no template, and taking one for ERB meant checking the file three times (as written and per variant).
  if (!WHOLE_TAG_ON_A_LINE.test(text)) return undefined;
  const tags = guessFromTags(text);
  return tags === "erb" || tags === "go" || (tags === "jinja" && /\{%|\{\{[\s\S]*?\}\}/.test(text)) ? tags : undefined;
}
