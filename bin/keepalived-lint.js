#!/usr/bin/env node
require("./load-bundle").loadBundle(require("path").join(__dirname, "../dist/cli.js")).main();
