import {
  createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection,
} from 'vscode-languageserver/node';
import { format } from 'node:util';
import { repairedInput } from './framing';
import { Lifecycle } from './lifecycle';
import { Output, PacedReader } from './pacing';
import { startServer } from './server';

// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, --socket=N).
const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)/;
if (!process.argv.slice(2).some((a) => TRANSPORTS.test(a)) && !process.send) {
  process.stderr.write(
    '用法: node dist/server.js --stdio   (或 --node-ipc、--socket=端口)\n' +
      '这是《政府信息公开工作年度报告》检查的语言服务器,由编辑器启动并通过 LSP 通信。\n' +
      'Usage: node dist/server.js --stdio (or --node-ipc, --socket=PORT): the language server for annual reports, started by an editor.\n',
  );
  process.exit(2);
}

// On stdio the input goes through FrameRepair (a malformed message costs only itself), then the
// lifecycle gate and the pacing (PacedReader: nothing is taken while the client does not read);
// since stdout is then the protocol channel, console output goes to the client's log instead.
const stdio = process.argv.includes('--stdio');
const ipc = process.argv.includes('--node-ipc');
const connection = stdio ? stdioConnection() : ipc ? ipcConnection() : createConnection(ProposedFeatures.all);
if (stdio) {
  const say = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  Object.assign(console, { log: say('log'), info: say('info'), debug: say('log'), trace: say('log'), warn: say('warn'), error: say('error') });
}
startServer(connection);
connection.listen();

function stdioConnection(): Connection {
  const lifecycle = new Lifecycle();
  // As vscode-languageserver does on its own streams: the end of the input (or the loss of the
  // output) ends the server, with 0 only after a shutdown request.
  const quit = () => process.exit(lifecycle.shutdownReceived ? 0 : 1);
  const input = repairedInput(process.stdin, (m) => conn.console.warn(m));
  const output = new Output(process.stdout);
  const writer = new StreamMessageWriter(output);
  const reader = new PacedReader(new StreamMessageReader(input), input, output, writer, lifecycle, quit);
  const conn = createConnection(ProposedFeatures.all, reader, writer, { messageStrategy: reader.strategy });
  input.on('end', quit);
  input.on('close', quit);
  output.on('close', quit);
  return conn;
}

/** On IPC (as the extension starts the server): the lifecycle gate; Node's channel does the framing. */
function ipcConnection(): Connection {
  const lifecycle = new Lifecycle();
  const writer = new IPCMessageWriter(process);
  const reader = new PacedReader(new IPCMessageReader(process), null, null, writer, lifecycle, () => process.exit(lifecycle.shutdownReceived ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, writer, { messageStrategy: reader.strategy });
}
