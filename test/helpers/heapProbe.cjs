// Preloaded into the server (`node --expose-gc --require heapProbe.cjs dist/server.js --stdio`) by the soak
// test: on SIGUSR2, two full collections, then process.memoryUsage() as one JSON line appended to $NIANBAO_HEAP_LOG.
const fs = require('node:fs');

process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  fs.appendFileSync(process.env.NIANBAO_HEAP_LOG, JSON.stringify(process.memoryUsage()) + '\n');
});
