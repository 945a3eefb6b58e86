// Imported first by server.ts: the young generation stays at its first size (1 MB per semi-space)
// instead of growing to 16 MB, which held 20–30 MB of the server's memory after files were opened
// and cost no measurable time per keystroke (docs/decisions/young-generation.md).
import * as v8 from "v8";

v8.setFlagsFromString("--semi-space-growth-factor=1");
