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
  // One bundle path, one cache file: the prefix names the install, so a rebuild replaces its old entry.
  const prefix = `${path.basename(file)}-${pathKey(path.resolve(file))}-`;
  const cacheFile = path.join(dir, `${prefix}${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.bin`);
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
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
        for (const old of fs.readdirSync(dir)) if (old.startsWith(prefix) && old !== path.basename(cacheFile)) fs.rmSync(path.join(dir, old), { force: true });
      } catch {
        /* a cache is only a speed-up */
      }
    });
  }
  return mod.exports;
}

module.exports = { loadBundle };
