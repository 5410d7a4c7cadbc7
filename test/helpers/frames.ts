/** The LSP base protocol as raw test clients read it: complete `Content-Length` frames off a buffer. */
export interface Message {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The complete messages at the start of `buffer`, and the bytes after them (a frame still arriving). */
export function takeFrames(buffer: Buffer): { messages: Message[]; rest: Buffer } {
  const messages: Message[] = [];
  let rest = buffer;
  for (;;) {
    const sep = rest.indexOf('\r\n\r\n');
    if (sep < 0) break;
    const length = Number(/Content-Length: (\d+)/i.exec(rest.subarray(0, sep).toString('ascii'))?.[1]);
    if (rest.length < sep + 4 + length) break;
    messages.push(JSON.parse(rest.subarray(sep + 4, sep + 4 + length).toString('utf8')) as Message);
    rest = rest.subarray(sep + 4 + length);
  }
  return { messages, rest };
}

/** What a raw client answers to the server's own requests (configuration: nothing set). */
export function answerTo(m: Message): unknown {
  return { jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? [null] : null };
}
