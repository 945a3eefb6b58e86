// nunjucks is not a sandbox: a template reaches JavaScript's Function through any function's
// `constructor` (`{{ range.constructor("...")() }}`) and runs what it likes in the checker's process,
// so checking a cloned role could write files or end the run. Rendering is for checking only: every
// name and attribute lookup of a rendered template goes through these guards, which answer undefined
// for the properties that lead from a value to code or to the objects behind it.
import type * as Nunjucks from "nunjucks";

/** Properties that reach a constructor, a prototype or a way to call or define code, on any value. */
const BLOCKED = new Set([
  "constructor",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "apply",
  "bind",
  "call",
  "caller",
  "callee",
  "arguments",
]);

function blocked(name: unknown): boolean {
  return typeof name === "symbol" || (typeof name === "string" && BLOCKED.has(name));
}

/** What makes code from a string: a template that got hold of one anyway (a filter's own lookup) may not call it. */
const CODE_MAKERS = new Set<unknown>([
  Function,
  Object.getPrototypeOf(async function () {}).constructor,
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
  globalThis.eval,
]);

/** `value[key]` for the filters that look attributes up themselves (map(attribute=...), extract): undefined where the guards say so. */
export function attributeOf(value: unknown, key: unknown): unknown {
  if (value === undefined || value === null || blocked(key)) return undefined;
  return (value as Record<string, unknown>)[key as string];
}

interface Runtime {
  memberLookup: (obj: unknown, val: unknown, ...rest: unknown[]) => unknown;
  contextOrFrameLookup: (context: unknown, frame: unknown, name: string) => unknown;
  callWrap: (obj: unknown, name: string, context: unknown, args: unknown[]) => unknown;
}

const guarded = new WeakSet<object>();

/** Puts the guards in front of nunjucks' lookups (after its Jinja compatibility, which replaces them too); once per runtime. */
export function guardLookups(nunjucks: typeof Nunjucks): void {
  const runtime = (nunjucks as unknown as { runtime: Runtime }).runtime;
  if (guarded.has(runtime)) return;
  const member = runtime.memberLookup;
  const name = runtime.contextOrFrameLookup;
  runtime.memberLookup = function (this: unknown, obj: unknown, val: unknown, ...rest: unknown[]) {
    return blocked(val) ? undefined : member.call(this, obj, val, ...rest);
  };
  runtime.contextOrFrameLookup = function (this: unknown, context: unknown, frame: unknown, key: string) {
    return blocked(key) ? undefined : name.call(this, context, frame, key);
  };
  const call = runtime.callWrap;
  runtime.callWrap = function (this: unknown, obj: unknown, fn: string, context: unknown, args: unknown[]) {
    if (CODE_MAKERS.has(obj)) throw new Error(`Unable to call \`${fn}\`: templates may not make code while they are checked`);
    return call.call(this, obj, fn, context, args);
  };
  guarded.add(runtime);
}
