// Imported first by server.ts: the young generation stays at its first size (1 MB per semi-space)
// instead of growing to 16 MB, which held 20–30 MB of the server's memory after files were opened
// and cost no measurable time per keystroke (docs/decisions/young-generation.md).
import * as v8 from "v8";
// The launcher (bin/load-bundle.js) sets the same before the bundle is compiled, from the same table.
import V8_FLAGS from "../../bin/v8-flags.json";

for (const flag of V8_FLAGS.server) v8.setFlagsFromString(flag);
