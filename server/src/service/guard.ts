// Never die: a handler that throws (or rejects) answers with an empty result and leaves a log line,
// so one bad request costs one answer, not the server (VS Code gives up after a few restarts).
// A ResponseError is a handler's deliberate answer (a rename to a name keepalived cannot read): it
// goes to the client as the JSON-RPC error it is, which the editor shows, and is not logged.
import { ResponseError } from "vscode-languageserver/node";

export type Log = (message: string) => void;

export function guardWith(log: Log) {
  const report = (name: string, e: unknown) => log(`keepalived: ${name} failed: ${(e as Error)?.stack ?? e}`);
  return function guard<P extends unknown[], R>(name: string, handler: (...params: P) => R, fallback: Awaited<R>): (...params: P) => R | Awaited<R> {
    return (...params: P) => {
      try {
        const result = handler(...params);
        if (result instanceof Promise) {
          return result.catch((e: unknown) => {
            if (e instanceof ResponseError) throw e;
            report(name, e);
            return fallback;
          }) as R;
        }
        return result;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        report(name, e);
        return fallback;
      }
    };
  };
}
