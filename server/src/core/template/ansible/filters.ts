// The Ansible filters keepalived templates use, for nunjucks: `default`, `join`, `int`, `bool`,
// `ipaddr`-style address filters and a few more. A placeholder stays a placeholder through them.
import type { Environment } from "nunjucks";
import { attributeOf } from "./sandbox";
import { isPlaceholderValue } from "./placeholderValue";

type Filter = (value: unknown, ...args: unknown[]) => unknown;

function keep(f: Filter): Filter {
  return (v, ...args) => (isPlaceholderValue(v) ? v : f(v, ...args));
}

function toBool(v: unknown): boolean {
  if (typeof v === "string") return /^(1|true|yes|on|y)$/i.test(v.trim());
  return !!v;
}

/** "10.0.0.5/24" → parts; only IPv4 gets arithmetic, IPv6 passes through. */
function ipaddr(v: unknown, query?: unknown): unknown {
  const s = String(v ?? "");
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?$/.exec(s);
  const v6 = /^[0-9a-f:]+(?:\/\d{1,3})?$/i.test(s) && s.includes(":");
  if (!m && !v6) return false;
  if (v6) return query === "prefix" ? Number(s.split("/")[1] ?? 128) : query === "address" ? s.split("/")[0] : s;
  const prefix = m![2] !== undefined ? Number(m![2]) : 32;
  const n = m![1].split(".").reduce((a, o) => a * 256 + Number(o), 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const dotted = (x: number) => [24, 16, 8, 0].map((b) => (x >>> b) & 255).join(".");
  switch (query) {
    case undefined:
    case "":
      return s;
    case "address":
      return m![1];
    case "prefix":
      return prefix;
    case "netmask":
      return dotted(mask);
    case "network":
      return dotted((n & mask) >>> 0);
    case "host":
      return `${m![1]}/${prefix}`;
    case "broadcast":
      return dotted(((n & mask) | (~mask >>> 0)) >>> 0);
    default:
      return s;
  }
}

export function installAnsibleFilters(env: Environment): void {
  const add = (name: string, f: Filter) => env.addFilter(name, f as (...args: unknown[]) => unknown);
  const defaulted: Filter = (v, fallback, boolean) => (v === undefined || v === null || isPlaceholderValue(v) || (boolean && !v) ? fallback : v);
  add("default", defaulted);
  add("d", defaulted);
  add("int", keep((v) => {
    const n = parseInt(String(v), 10);
    return Number.isNaN(n) ? 0 : n;
  }));
  add("float", keep((v) => Number.parseFloat(String(v)) || 0));
  add("bool", keep(toBool));
  add("string", keep((v) => String(v)));
  add("join", keep((v, sep = "") => (Array.isArray(v) ? v.join(String(sep)) : String(v))));
  add("mandatory", (v) => v);
  add("ternary", (v, a, b) => (v ? a : b));
  add("to_json", keep((v) => JSON.stringify(v)));
  add("quote", keep((v) => `'${String(v).replace(/'/g, "'\\''")}'`));
  add("regex_replace", keep((v, re, by = "") => String(v).replace(new RegExp(String(re), "g"), String(by).replace(/\\(\d)/g, "$$$1"))));
  add("unique", keep((v) => (Array.isArray(v) ? [...new Set(v)] : v)));
  add("difference", keep((v, other) => (Array.isArray(v) && Array.isArray(other) ? v.filter((x) => !other.includes(x)) : v)));
  add("union", keep((v, other) => (Array.isArray(v) && Array.isArray(other) ? [...new Set([...v, ...other])] : v)));
  add("flatten", keep((v) => (Array.isArray(v) ? v.flat(Infinity) : v)));
  for (const name of ["ipaddr", "ansible.utils.ipaddr", "ipv4", "ipwrap"]) add(name, keep((v, q) => ipaddr(v, q)));
  add("ipv6", keep((v, q) => (String(v).includes(":") ? ipaddr(v, q) : false)));
  add("comment", keep((v) => `#\n# ${String(v).split("\n").join("\n# ")}\n#`));
  add("combine", keep((v, ...others) => Object.assign({}, v, ...others.filter((o) => o && typeof o === "object" && !(o as { __keywords?: boolean }).__keywords))));
  add("dict2items", keep((v) => Object.entries((v as object) ?? {}).map(([key, value]) => ({ key, value }))));
  // map(attribute='x'), map('extract', hostvars, 'key'), map('filter_name', args...)
  add("map", keep((v, ...args) => {
    if (!Array.isArray(v)) return v;
    const kw = args.length && (args[args.length - 1] as { __keywords?: boolean })?.__keywords ? (args.pop() as Record<string, unknown>) : {};
    if (typeof kw.attribute === "string") return v.map((x) => String(kw.attribute).split(".").reduce((o: unknown, k) => attributeOf(o, k), x));
    if (args[0] === "extract") return v.map((x) => (args.length > 2 ? attributeOf(attributeOf(args[1], x) ?? {}, args[2]) : attributeOf(args[1], x)));
    let f: Filter | undefined;
    try {
      f = typeof args[0] === "string" ? (env as unknown as { getFilter(n: string): Filter }).getFilter(args[0]) : undefined;
    } catch {
      f = undefined; // an unknown filter: the list is left as it is
    }
    return f ? v.map((x) => f(x, ...args.slice(1))) : v;
  }));
}
