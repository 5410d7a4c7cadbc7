import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { format } from 'node:util';
import { repairedInput } from './framing';
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

// On stdio the input goes through FrameRepair (a malformed message costs only itself), and since
// stdout is then the protocol channel, console output goes to the client's log instead.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, repairedInput(process.stdin, (m) => connection.console.warn(m)), process.stdout)
  : createConnection(ProposedFeatures.all);
if (stdio) {
  const say = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  Object.assign(console, { log: say('log'), info: say('info'), debug: say('log'), trace: say('log'), warn: say('warn'), error: say('error') });
}
startServer(connection);
connection.listen();
