import { Transform, type Readable, type TransformCallback } from 'node:stream';

const MB = 1024 * 1024;

/**
 * Repairs the LSP base protocol's framing on stdio before vscode-jsonrpc reads it.
 *
 * vscode-jsonrpc stops for good at a header line without ':' (every later read fails on the same
 * bytes) and holds back the message after a header without a numeric Content-Length until more
 * bytes arrive. Here a header block that is not `Content-Length: N` (plus optional other fields)
 * is dropped, garbage before a `Content-Length` is skipped, a declared length that runs into the
 * next message's header is cut there, and a small body that is not a JSON object is dropped —
 * each logged — so that one malformed message costs that message and nothing after it. A message
 * declared longer than MAX_MESSAGE is refused: its body is skipped as it streams, never buffered.
 * Well-formed messages pass through unchanged.
 */
export class FrameRepair extends Transform {
  /** Bytes not yet passed on: a header being read, or the body read so far. */
  private chunks: Buffer[] = [];
  private length = 0;
  /** The body length of the message being read, or -1 while reading a header. */
  private need = -1;
  /** Body bytes of a refused message still to skip, or -1; and the last bytes skipped. */
  private skip = -1;
  private skipped = EMPTY;

  constructor(private readonly log: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.accept(chunk);
    } catch (e) {
      // The framing itself must never stop the server: start over at the next header.
      this.log(`nianbao: framing error (${e instanceof Error ? e.message : String(e)}); input dropped`);
      this.chunks = [];
      this.length = 0;
      this.need = -1;
      this.skip = -1;
    }
    done();
  }

  private accept(chunk: Buffer): void {
    if (this.skip >= 0) {
      const rest = this.skipBody(chunk);
      if (!rest) return;
      chunk = rest;
    }
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.need >= 0) {
      // Reading a body: look for the next message's header in the new bytes only (with some
      // overlap), and join the chunks once the body is complete. Large pastes stay linear.
      const from = Math.max(0, this.length - chunk.length - OVERLAP);
      const probe = slice(this.chunks, this.length, from, Math.min(this.length, this.need + OVERLAP));
      const at = findHeader(probe, this.need - from);
      if (at >= 0) {
        this.log('nianbao: dropped a message shorter than its Content-Length');
        this.reset(Buffer.concat(this.chunks).subarray(from + at));
      } else if (this.length < this.need) {
        return;
      }
    }
    this.drain();
  }

  private reset(rest: Buffer): void {
    this.need = -1;
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
  }

  /**
   * Drops the bytes of a refused body; returns what follows it once it ends (or once the next
   * message's header shows it was declared longer than it is), or null while it goes on.
   */
  private skipBody(bytes: Buffer): Buffer | null {
    const probe = Buffer.concat([this.skipped, bytes.subarray(0, Math.min(bytes.length, this.skip + OVERLAP))]);
    const at = findHeader(probe, this.skipped.length + this.skip);
    if (at >= 0) {
      this.log('nianbao: a skipped message was shorter than its Content-Length');
      const rest = Buffer.concat([this.skipped, bytes]).subarray(at);
      this.endSkip();
      return rest;
    }
    if (bytes.length < this.skip) {
      this.skip -= bytes.length;
      this.skipped = Buffer.from(probe.subarray(Math.max(0, probe.length - OVERLAP)));
      return null;
    }
    const rest = bytes.subarray(this.skip);
    this.endSkip();
    return rest;
  }

  private endSkip(): void {
    this.skip = -1;
    this.skipped = EMPTY;
  }

  /** Parses as many complete messages as the buffered bytes hold. */
  private drain(): void {
    let buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    for (;;) {
      if (this.need < 0) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) {
          // A header is never this long: whatever this is, it is not one.
          if (buf.length > 64 * 1024) {
            this.log('nianbao: dropped 64 KB of input without a message header');
            buf = buf.subarray(buf.length);
          }
          break;
        }
        const block = buf.subarray(0, end).toString('latin1');
        const at = block.toLowerCase().lastIndexOf('content-length');
        const m = at < 0 ? null : HEADER.exec(block.slice(at));
        buf = buf.subarray(end + 4);
        if (!m) {
          this.log(`nianbao: dropped a message header without a valid Content-Length: ${JSON.stringify(block.slice(0, 80))}`);
          continue;
        }
        if (at > 0 && !FIELDS.test(block.slice(0, at))) this.log(`nianbao: dropped ${at} bytes before a message header`);
        this.need = Number(m[1]);
        if (this.need > MAX_MESSAGE) {
          this.log(`nianbao: skipped a message of ${this.need} bytes (the limit is ${MAX_MESSAGE / MB} MB)`);
          this.skip = this.need;
          this.need = -1;
          const rest = this.skipBody(buf);
          if (!rest) {
            buf = EMPTY;
            break;
          }
          buf = rest;
          continue;
        }
        const at2 = findHeader(buf.subarray(0, this.need + OVERLAP), this.need);
        if (at2 >= 0) {
          this.log('nianbao: dropped a message shorter than its Content-Length');
          this.need = -1;
          buf = buf.subarray(at2);
          continue;
        }
      }
      if (buf.length < this.need) break;
      const body = buf.subarray(0, this.need);
      buf = buf.subarray(this.need);
      this.need = -1;
      if (body.length <= 1024 * 1024 && !isJsonObject(body)) {
        this.log(`nianbao: dropped a message that is not a JSON object: ${JSON.stringify(body.subarray(0, 80).toString('utf8'))}`);
        continue;
      }
      this.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'));
      this.push(body);
    }
    this.chunks = buf.length ? [buf] : [];
    this.length = buf.length;
  }
}

/**
 * The largest message read: a didOpen of a report at nianbao.maxFileSize's default of 20 MB stays
 * under it even if every byte of its text is JSON-escaped as `\u00XX` (six bytes); a larger report
 * still arrives, gets its one file-too-large diagnostic, and costs at most this much to read.
 */
export const MAX_MESSAGE = 128 * MB;
const EMPTY = Buffer.alloc(0);

const HEADER = /^content-length[ \t]*:[ \t]*(\d{1,16})[ \t]*(?:\r\n[!-9;-~]+[ \t]*:[^\r\n]*)*$/i;
const FIELDS = /^(?:[!-9;-~]+[ \t]*:[^\r\n]*\r\n)+$/;

/** How far back (and past a body's end) a header is looked for: longer than any real header. */
const OVERLAP = 512;
const NEXT_HEADER = /content-length[ \t]*:[ \t]*\d{1,16}[ \t]*(?:\r\n[!-9;-~]+[ \t]*:[^\r\n]*)*\r\n\r\n/gi;

/**
 * Where a complete message header starts inside what should be a body (before `limit`), or -1.
 * Its raw CRLF CRLF never occurs in a JSON text (a string escapes line breaks; outside strings
 * `Content-Length` is no JSON), so a body that holds one was declared longer than it is.
 */
function findHeader(bytes: Buffer, limit: number): number {
  NEXT_HEADER.lastIndex = 0;
  const m = NEXT_HEADER.exec(bytes.toString('latin1'));
  return m && m.index < limit ? m.index : -1;
}

/** Bytes [from, to) of chunks holding `total` bytes, joining only the chunks that overlap. */
function slice(chunks: Buffer[], total: number, from: number, to: number): Buffer {
  const parts: Buffer[] = [];
  let end = total;
  for (let i = chunks.length - 1; i >= 0 && end > from; i--) {
    const start = end - chunks[i].length;
    if (start < to) parts.unshift(chunks[i].subarray(Math.max(0, from - start), Math.min(chunks[i].length, to - start)));
    end = start;
  }
  return Buffer.concat(parts);
}

function isJsonObject(body: Buffer): boolean {
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/** The server's input on stdio: stdin through FrameRepair. */
export function repairedInput(input: Readable, log: (message: string) => void): Readable {
  return input.pipe(new FrameRepair(log));
}
