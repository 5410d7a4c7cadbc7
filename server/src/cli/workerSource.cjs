// The CLI's worker thread when the tests run the TypeScript sources (pool.ts): a worker does not
// inherit the main thread's tsx loader, so it registers it before loading worker.ts.
require('tsx/cjs/api').register();
require('./worker.ts');
