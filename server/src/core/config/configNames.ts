// Which files are keepalived configurations: by name (the names clusters use in repositories) and by
// content (text whose first statement is a keepalived keyword). Shared by the CLI's folder walk, the
// server's file index and the recognition measurement; package.json's `languages` mirrors the names.
import { lookupKeyword, specsNamed, TOP } from "../schema/registry";

/** Template sources (rendered by Ansible, Salt, Consul ...): not a configuration until rendered. */
const TEMPLATE_SUFFIX = /\.(j2|jinja2?|tmpl|tpl|gotmpl|erb|template|envsubst|sed|mustache|hbs|ctmpl|epp)$/i;

export function isTemplateName(name: string): boolean {
  return TEMPLATE_SUFFIX.test(name);
}

/**
 * `*keepalived*.conf`, `keepalived.conf.*`, `keepalived.conf-*`, `*.keepalived`, and `.conf` files
 * under a `keepalived/` folder (what package.json's filenamePatterns say, for the editor).
 */
export function isKeepalivedName(file: string): boolean {
  const parts = file.split(/[\\/]/);
  const base = parts[parts.length - 1];
  if (isTemplateName(base)) return false;
  if (/keepalived.*\.conf$/i.test(base) || /^keepalived\.conf[.-]/i.test(base) || /\.keepalived$/i.test(base)) return true;
  return /\.conf$/i.test(base) && parts.slice(0, -1).some((p) => p.toLowerCase() === "keepalived");
}

export type Sniff = { kind: "keepalived"; keyword: string } | { kind: "empty" } | { kind: "binary" } | { kind: "other"; line: string };

/** A stray first line (a pasted shell prompt) is forgiven; this many statements are looked at. */
const LOOK_AT_STATEMENTS = 3;

/** Lines only other formats have: nginx `;`, `key: value`/`key=value`, `[section]`, markup, JSON. */
function otherFormat(line: string): boolean {
  return line.endsWith(";") || /^\[.*\]$/.test(line) || /^[\w.-]+\s*(:|=)(\s|$)/.test(line) || /^[\w.-]+=/.test(line) || /^[<{[]/.test(line);
}

/** How many bytes of a file are looked at: the first statement is near the top. */
export const SNIFF_BYTES = 8192;

/**
 * What the first statement of a text says. Comments, blank lines, `$NAME=value` definitions and
 * `@id` prefixes are skipped, and so are up to two stray lines of no known keyword; a line only other
 * formats have (nginx `;`, `key: value`, `[section]`) means another format.
 */
export function sniffKeepalived(head: Buffer | string): Sniff {
  if (typeof head !== "string" && head.includes(0)) return { kind: "binary" };
  const text = typeof head === "string" ? head : head.toString("utf8");
  if (text.includes("\u0000")) return { kind: "binary" };
  const lines = text.split(/\r?\n/);
  let first: Sniff | undefined;
  let found: Sniff | undefined;
  let statements = 0;
  // The first statements, up to three: any line only another format has settles it (`path "x" {`
  // followed by `capabilities = [...]` is HCL); else the first keepalived keyword does.
  for (let n = 0; n < lines.length && statements < LOOK_AT_STATEMENTS; n++) {
    const raw = lines[n];
    let line = raw.replace(/^\uFEFF/, "").trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    if (/^\$[A-Za-z_][A-Za-z0-9_]*=/.test(line)) continue;
    line = line.replace(/^@\^?\S+\s+/, "");
    const word = /^[^\s{}#!]+/.exec(line)?.[0];
    if (!word) continue;
    statements++;
    first ??= { kind: "other", line: raw.trim().slice(0, 80) };
    if (otherFormat(line)) return first;
    if (found) continue;
    const specs = [lookupKeyword(TOP, word), ...specsNamed(word)].filter((x) => !!x);
    if (!specs.length) continue; // a stray line (a pasted prompt, the file's name): look at the next one
    // A block keyword opens its block here or on the next line ("vrrp_instance explained" in prose does not).
    if (specs.every((x) => x!.body && !x!.bodyOptional) && !line.includes("{") && !/^\s*\{/.test(lines.slice(n + 1).find((l) => l.trim()) ?? "")) return first;
    found = { kind: "keepalived", keyword: word };
  }
  if (found) return found;
  if (first) return first;
  return { kind: "empty" };
}
