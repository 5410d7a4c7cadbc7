import { ErrorCodes, Message, type ResponseMessage } from 'vscode-languageserver/node';

/** What becomes of one incoming message: passed on to the handlers, answered here, or dropped. */
export type Verdict = { pass: true } | { pass: false; reply?: ResponseMessage };

const PASS: Verdict = { pass: true };
const DROP: Verdict = { pass: false };

/**
 * The server's lifecycle as the LSP specification states it, decided in the order messages arrive:
 * before `initialize` a request gets ServerNotInitialized (-32002) and a notification other than
 * `exit` is dropped; after `shutdown` a request gets InvalidRequest (-32600) and a notification
 * other than `exit` is dropped. Responses (to the server's own requests) always pass. `exit` itself
 * is left to vscode-languageserver, which exits 0 after shutdown and 1 without it.
 */
export class Lifecycle {
  private initialized = false;
  private shutDown = false;

  /** Whether a `shutdown` request has arrived: the exit code when the input ends is 0, else 1. */
  get shutdownReceived(): boolean {
    return this.shutDown;
  }

  admit(message: Message): Verdict {
    if (Message.isResponse(message)) return PASS;
    const method = (message as { method?: unknown }).method;
    if (method === 'exit') return PASS;
    const request = Message.isRequest(message);
    if (this.shutDown) return request ? refuse(message.id, ErrorCodes.InvalidRequest, `the server is shut down: ${method}`) : DROP;
    if (this.initialized) {
      if (method === 'shutdown') this.shutDown = true;
      return PASS;
    }
    if (method === 'initialize') {
      this.initialized = true;
      return PASS;
    }
    return request ? refuse(message.id, ErrorCodes.ServerNotInitialized, `the server is not initialized: ${method}`) : DROP;
  }
}

function refuse(id: number | string | null, code: number, message: string): Verdict {
  return { pass: false, reply: { jsonrpc: '2.0', id, error: { code, message } } };
}
