import { Writable, type Readable } from 'node:stream';
import {
  Message, type DataCallback, type Disposable, type MessageReader, type MessageStrategy, type MessageWriter,
} from 'vscode-languageserver/node';
import type { Lifecycle } from './lifecycle';

/** Bytes of responses the client has not read yet above which the server stops taking messages. */
export const OUTPUT_BACKLOG = 4 * 1024 * 1024;
/** Messages read but not yet handled above which the server stops reading its input. */
const HELD_MESSAGES = 256;

/**
 * The server's stdout for vscode-jsonrpc's writer, acknowledging each write at once. The writer
 * waits for each acknowledgement before its next message, so on stdout itself a client that stops
 * reading would leave the backlog hidden in the writer's queue, as message objects; here it is
 * stdout's `writableLength`, in bytes, where PacedReader sees it.
 */
export class Output extends Writable {
  constructor(readonly stdout: Writable) {
    super();
    stdout.on('error', (e: Error) => this.destroy(e));
    stdout.on('close', () => this.destroy());
  }

  get backlog(): number {
    return this.stdout.writableLength;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.stdout.write(chunk);
    done();
  }
}

/**
 * Hands the connection one message at a time, in order, and only while the client reads what the
 * server writes: while the output holds more than OUTPUT_BACKLOG unread bytes, messages wait here
 * and the input is paused (so the pipe fills and the client's own writes block), and they go on
 * when stdout drains. A client that never reads costs the server a bounded amount of memory.
 *
 * Each message first passes the Lifecycle gate; its error replies wait in the same line. `exit`
 * and `$/cancelRequest` do not wait: vscode-jsonrpc handles a cancellation on arrival (and may
 * never dispatch it), and `exit` while the output is backed up ends the server at once.
 */
export class PacedReader implements MessageReader {
  private readonly held: { message: Message; reply?: Message }[] = [];
  /** Messages handed to the connection that it has not dispatched yet (at most one). */
  private readonly queued = new Set<Message>();
  private callback: DataCallback = () => undefined;
  private waiting = false;

  constructor(
    private readonly inner: MessageReader,
    /** The byte stream the messages are read from, and the output: both null on IPC (no pacing). */
    private readonly input: Readable | null,
    private readonly output: Output | null,
    private readonly writer: MessageWriter,
    private readonly lifecycle: Lifecycle,
    private readonly exit: () => void,
  ) {}

  get onError() {
    return this.inner.onError;
  }

  get onClose() {
    return this.inner.onClose;
  }

  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return this.inner.listen((message) => this.arrive(message));
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** For ConnectionOptions.messageStrategy: notes that the connection dispatches a message. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      try {
        return next(message);
      } finally {
        if (this.queued.delete(message)) this.release();
      }
    },
  };

  private arrive(message: Message): void {
    const verdict = this.lifecycle.admit(message);
    const method = (message as { method?: unknown }).method;
    if (verdict.pass && (method === 'exit' || method === '$/cancelRequest')) {
      if (method === 'exit' && this.backedUp()) this.exit();
      else this.callback(message);
      return;
    }
    if (!verdict.pass && !verdict.reply) return;
    this.held.push({ message, reply: verdict.pass ? undefined : verdict.reply });
    if (this.held.length > HELD_MESSAGES) this.input?.pause();
    this.release();
  }

  private backedUp(): boolean {
    return this.output !== null && this.output.backlog > OUTPUT_BACKLOG;
  }

  private release(): void {
    while (this.queued.size === 0 && this.held.length > 0) {
      if (this.backedUp()) return this.waitForDrain();
      const { message, reply } = this.held.shift()!;
      if (reply) {
        this.writer.write(reply).catch(() => undefined);
      } else {
        this.queued.add(message);
        this.callback(message);
      }
    }
    if (this.held.length <= HELD_MESSAGES / 2 && !this.backedUp()) this.input?.resume();
  }

  private waitForDrain(): void {
    this.input?.pause();
    if (this.waiting || !this.output) return;
    this.waiting = true;
    this.output.stdout.once('drain', () => {
      this.waiting = false;
      this.release();
    });
  }
}
