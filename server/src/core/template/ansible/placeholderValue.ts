// An undefined variable, while rendering: it renders as a placeholder word (so the checks treat it as
// unknown, as in a template read statically), any attribute of it is another placeholder, and
// filters such as `default` see it as missing.
import { PLACEHOLDER_CHAR } from "../placeholder";

const NAME = Symbol("placeholder name");

export function placeholderValue(name: string): unknown {
  const text = PLACEHOLDER_CHAR + name.replace(/[\s{}"#!]/g, "") + PLACEHOLDER_CHAR;
  return new Proxy(Object.create(null) as object, {
    get(_t, prop) {
      if (prop === NAME) return name;
      if (prop === Symbol.toPrimitive || prop === "toString" || prop === "valueOf") return () => text;
      if (prop === "length") return 0;
      if (typeof prop === "symbol" || prop === "then" || prop === "__keywords") return undefined;
      return placeholderValue(`${name}.${prop}`);
    },
    has: () => true,
    ownKeys: () => [],
    getOwnPropertyDescriptor: () => undefined,
  });
}

export function isPlaceholderValue(v: unknown): boolean {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[NAME] !== undefined;
}
