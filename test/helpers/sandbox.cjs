// Preloaded (`node --require test/helpers/sandbox.cjs …`) into the CLI and the language server by
// test/unit/security.test.ts. Every way to run a program, open a connection, resolve a name or
// write a file is replaced by a stub that records the attempt and throws. At exit the attempts
// are printed to stderr on one line: `NIANBAO_SANDBOX […]` (an empty list is the expected result).
'use strict';

const attempts = [];

function block(obj, name, label) {
  if (!obj || typeof obj[name] !== 'function') return;
  const original = obj[name];
  obj[name] = function blocked(...args) {
    attempts.push({ call: label, args: args.slice(0, 2).map((a) => describe(a)) });
    throw new Error(`nianbao sandbox: ${label} is not allowed`);
  };
  obj[name].original = original;
}

function describe(a) {
  if (typeof a === 'string') return a.slice(0, 200);
  if (typeof a === 'number' || typeof a === 'boolean' || a == null) return a;
  try {
    return JSON.stringify(a).slice(0, 200);
  } catch {
    return String(a).slice(0, 200);
  }
}

// Running programs.
const childProcess = require('node:child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) block(childProcess, n, `child_process.${n}`);
const workers = require('node:worker_threads');
block(workers, 'Worker', 'worker_threads.Worker');
const vm = require('node:vm');
for (const n of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']) block(vm, n, `vm.${n}`);

// The network: connections, servers, name resolution, HTTP and fetch.
const net = require('node:net');
for (const n of ['connect', 'createConnection', 'createServer']) block(net, n, `net.${n}`);
block(net.Socket.prototype, 'connect', 'net.Socket.connect');
block(net.Server.prototype, 'listen', 'net.Server.listen');
block(require('node:tls'), 'connect', 'tls.connect');
block(require('node:dgram'), 'createSocket', 'dgram.createSocket');
for (const m of ['http', 'https']) {
  const mod = require(`node:${m}`);
  for (const n of ['request', 'get', 'createServer']) block(mod, n, `${m}.${n}`);
}
block(require('node:http2'), 'connect', 'http2.connect');
const dns = require('node:dns');
for (const n of Object.keys(dns).filter((k) => /^(lookup|resolve)/.test(k))) block(dns, n, `dns.${n}`);
for (const n of Object.keys(dns.promises).filter((k) => /^(lookup|resolve)/.test(k))) block(dns.promises, n, `dns.promises.${n}`);
block(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') block(globalThis, 'WebSocket', 'WebSocket');

// Writing files (stdout and stderr, fds 1 and 2, stay writable: they are the output).
const fs = require('node:fs');
const WRITES = [
  'writeFile', 'appendFile', 'createWriteStream', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp',
  'symlink', 'link', 'truncate', 'ftruncate', 'chmod', 'chown', 'lchown', 'utimes', 'lutimes', 'futimes', 'writev',
];
for (const n of WRITES) {
  block(fs, n, `fs.${n}`);
  block(fs, `${n}Sync`, `fs.${n}Sync`);
  block(fs.promises, n, `fs.promises.${n}`);
}
for (const n of ['write', 'writeSync']) {
  const original = fs[n];
  fs[n] = function guardedWrite(fd, ...rest) {
    if (fd === 1 || fd === 2) return original.call(this, fd, ...rest);
    attempts.push({ call: `fs.${n}`, args: [fd] });
    throw new Error(`nianbao sandbox: fs.${n} to fd ${fd} is not allowed`);
  };
}
// Numeric flags: read-only access (O_NONBLOCK and the like allowed), nothing that creates or changes a file.
const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
const readOnly = (flags) => typeof flags === 'number' && (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) === 0;
for (const n of ['open', 'openSync']) {
  const original = fs[n];
  fs[n] = function guardedOpen(path, flags, ...rest) {
    if (flags !== undefined && flags !== 'r' && flags !== 'rs' && !readOnly(flags) && typeof flags !== 'function') {
      attempts.push({ call: `fs.${n}`, args: [describe(path), describe(flags)] });
      throw new Error(`nianbao sandbox: fs.${n} for writing is not allowed`);
    }
    return original.call(this, path, flags, ...rest);
  };
}
const originalPromisesOpen = fs.promises.open;
fs.promises.open = function guardedOpen(path, flags, ...rest) {
  if (flags !== undefined && flags !== 'r') {
    attempts.push({ call: 'fs.promises.open', args: [describe(path), describe(flags)] });
    return Promise.reject(new Error('nianbao sandbox: fs.promises.open for writing is not allowed'));
  }
  return originalPromisesOpen.call(this, path, flags, ...rest);
};

process.on('exit', () => {
  process.stderr.write(`\nNIANBAO_SANDBOX ${JSON.stringify(attempts)}\n`);
});
