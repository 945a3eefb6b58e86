// Loads a dist/ bundle through a V8 code cache, so a short run does not spend its time compiling
// (Node 20 has no module.enableCompileCache). The cache lives in a per-user folder of the temp dir,
// keyed by the bundle's size and mtime; V8 itself rejects a cache made for other source or flags.
// Anything odd about the folder (not ours, a link, not private) and the bundle is loaded plainly.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const vm = require("vm");
// The loader's own Module class: requiring "module" would load the ESM loader's modules too.
const Module = module.constructor;

/** Set once V8 is tuned for a large check (server/src/cli/largeCheck.ts sets it too). */
const TUNED = Symbol.for("keepalived-language.tuned-for-large-check");
/** Set once the young generation alone is held (the language server's launcher). */
const HELD = Symbol.for("keepalived-language.young-generation-held");

/** The V8 flags of each kind of process, one table (the bundles read it too): a large check holds the young
 *  generation at its first size and inlines less, so that TurboFan's code is ready sooner
 *  (docs/decisions/cli-process-flags.md); the server only holds the young generation (young-generation.md). */
const V8_FLAGS = require("./v8-flags.json");

/** For the CLI, before a large check. */
function tuneForLargeCheck() {
  if (globalThis[TUNED]) return;
  const v8 = require("v8");
  for (const flag of V8_FLAGS.largeCheck) v8.setFlagsFromString(flag);
  globalThis[TUNED] = true;
}

/** For the language server, which lives long: its young generation is held (docs/decisions/young-generation.md),
 *  and TurboFan keeps its full inlining, as steady-state speed is what keystrokes see. */
function holdYoungGeneration() {
  if (globalThis[HELD]) return;
  const v8 = require("v8");
  for (const flag of V8_FLAGS.server) v8.setFlagsFromString(flag);
  globalThis[HELD] = true;
}

/** V8 rejects a code cache made under other flags: runs with flags set (a large check; the server) keep their own
 *  (one cache for both made short and large runs reject and rewrite it in turn). */
function flagsTag() {
  // A young generation sized at start (the VS Code client passes --min-semi-space-size) changes the stamp too.
  const sized = process.execArgv.find((a) => a.startsWith("--min-semi-space-size="));
  return (globalThis[TUNED] || globalThis[HELD] ? "y" : "n") + (sized ? `s${sized.slice("--min-semi-space-size=".length).replace(/[^0-9]/g, "")}` : "");
}

function cacheDir() {
  if (process.env.KEEPALIVED_NO_CODE_CACHE) return undefined;
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `keepalived-language-v8-${uid ?? "user"}`);
  try {
    // Made on the first run only: an existing folder costs one lstat, not a failed mkdir (an exception) too.
    let st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!st) {
      try {
        fs.mkdirSync(dir, { mode: 0o700 });
      } catch {
        /* made meanwhile by another run */
      }
      st = fs.lstatSync(dir);
    }
    if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o077) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** A short, stable name for an absolute path (FNV-1a), so installs in different folders keep their own entry. */
function pathKey(p) {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function loadBundle(file) {
  const dir = cacheDir();
  if (!dir) return require(file);
  let source, stat;
  try {
    source = fs.readFileSync(file, "utf8");
    stat = fs.statSync(file);
  } catch {
    return require(file);
  }
  // One bundle path and flags, one cache file: the prefix names the install, so a rebuild replaces its old entry.
  const prefixOf = (tag) => `${path.basename(file)}-${pathKey(path.resolve(file))}-${tag}-`;
  const cacheFileOf = (tag) => path.join(dir, `${prefixOf(tag)}${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.bin`);
  const cacheFile = cacheFileOf(flagsTag());
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    /* first run */
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod.loaded = true;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    // At exit the functions this run needed are compiled too, and go into the cache.
    process.once("exit", () => {
      try {
        // Under the flags of now: the data is made with them (V8 may have been tuned for a large check since).
        const tag = flagsTag();
        const target = cacheFileOf(tag);
        const tmp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, target);
        // This install's older entries go, but not the current one of the other flag state.
        const install = `${path.basename(file)}-${pathKey(path.resolve(file))}-`;
        const other = prefixOf(tag === "y" ? "n" : "y");
        for (const old of fs.readdirSync(dir)) if (old.startsWith(install) && old !== path.basename(target) && !old.startsWith(other)) fs.rmSync(path.join(dir, old), { force: true });
      } catch {
        /* a cache is only a speed-up */
      }
    });
  }
  return mod.exports;
}

module.exports = { loadBundle, tuneForLargeCheck, holdYoungGeneration };
