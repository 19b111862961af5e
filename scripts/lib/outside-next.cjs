// Preloaded (node --require) by every Node process that runs project code outside Next.js: the seed, scripts,
// benchmarks. `import "server-only"` marks modules that must never reach a browser bundle; Next.js enforces that at
// build time, while outside Next's server layer the marker package would throw. Here it is a no-op, as in Next's
// server.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require` */
const Module = require("node:module");
const filename = require.resolve("server-only");
const marker = new Module(filename);
marker.filename = filename;
marker.loaded = true;
marker.exports = {};
require.cache[filename] = marker;
