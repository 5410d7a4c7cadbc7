// Entry point of dist/cli.js. First, the V8 flags every thread of the run compiles with (v8Flags.ts).
import './v8Flags';
import { runCli } from './main';

// A failed write (a full disk, a reader that went away) reaches runCli through the write's callback,
// which stops the batch with its own exit code and one line on stderr; the streams' 'error' events
// are handled here only so that they are not thrown as uncaught exceptions.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const io = {
  stdout: (s: string) => new Promise<void>((resolve, reject) => void process.stdout.write(s, (e) => (e ? reject(e) : resolve()))),
  stderr: (s: string) => void process.stderr.write(s),
  stdoutBytes: (b: Uint8Array) => new Promise<void>((resolve, reject) => void process.stdout.write(b, (e) => (e ? reject(e) : resolve()))),
  readStdin: async (maxBytes: number) => {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const c of process.stdin) {
      chunks.push(c as Buffer);
      total += (c as Buffer).length;
      if (total > maxBytes) break; // enough to know it is too large; the rest is not read
    }
    return Buffer.concat(chunks);
  },
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`nianbao: 内部错误 / internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
