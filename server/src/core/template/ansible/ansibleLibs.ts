// The entry of dist/ansible-libs.js (scripts/build.mjs): yaml and nunjucks in one bundle of their own,
// which the CLI's and the server's bundles require on first use (lazyModules.ts) as "yaml"/"nunjucks".
import * as yaml from "yaml";
import * as nunjucks from "nunjucks";

export { yaml, nunjucks };
