#!/usr/bin/env node
// Through the V8 code cache, as the CLI: the server answers `initialize` sooner (782 → 592 ms, median
// of five starts on a loaded machine) and its first check compiles less. The cache is written when
// the server exits after `shutdown`/`exit`.
// The young generation is held before the bundle is compiled, not by the bundle itself
// (server/src/processFlags.ts sets the same value again): V8 stamps a code cache with the flags of the
// moment it is written and rejects it under others, so a flag first set after compiling made every
// start reject the cache written by the previous one.
const { loadBundle, holdYoungGeneration } = require("./load-bundle");
holdYoungGeneration();
loadBundle(require("path").join(__dirname, "../dist/server.js"));
