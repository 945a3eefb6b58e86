// Reading typed values out of expanded statements, shared by the typed models (VRRP, LVS, BFD).
import type { ConfigStatement } from "../config/expand";
import type { Field } from "./vrrp";

/** The last child with this keyword: keepalived keeps the last of repeated single-value keywords. */
export function child(s: ConfigStatement | undefined, keyword: string): ConfigStatement | undefined {
  const list = s?.children;
  if (list) for (let i = list.length - 1; i >= 0; i--) if (list[i].keyword.text === keyword) return list[i];
  return undefined;
}

export function children(s: ConfigStatement | undefined, keyword: string): ConfigStatement[] {
  return s?.children?.filter((c) => c.keyword.text === keyword) ?? [];
}

/** The first argument of `s`, parsed; undefined when absent or unreadable. */
export function field<T>(s: ConfigStatement | undefined, parse: (text: string) => T | undefined, source: Field<T>["source"] = "instance"): Field<T> | undefined {
  const word = s?.args[0];
  if (!s || !word) return undefined;
  const value = parse(word.text);
  return value === undefined ? undefined : { value, word, statement: s, source };
}

/** A constant: a regular expression literal is a new object each time it is evaluated (asInt reads every instance's numbers). */
const INTEGER = /^-?\d+$/;
export const asInt = (t: string) => (INTEGER.test(t) ? Number(t) : undefined);
export const asNumber = (t: string) => (Number.isFinite(Number(t)) && t.trim() !== "" ? Number(t) : undefined);
export const asText = (t: string) => t;
