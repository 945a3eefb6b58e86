// The files a topology was drawn from: the only ones its page may ask to reveal.

/** Every `source.file` anywhere in the topology the page was given. */
export function sourceFiles(topology: unknown): Set<unknown> {
  const files = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "source" && x && typeof x === "object") files.add((x as { file?: unknown }).file);
        walk(x);
      }
    }
  };
  walk(topology);
  return files;
}
