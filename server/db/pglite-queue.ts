// The order in which the connections' protocol messages reach the one PGlite session.
//
// pglite-socket 0.2.17 queues each message on its own and keeps a connection's turn only while
// a transaction is open (electric-sql/pglite#1046, open). A query outside a transaction is
// several messages — Parse, Bind, Describe, Execute, Sync — and two connections' queries
// interleave: the second Parse replaces the unnamed statement the first Bind then uses ("unnamed
// prepared statement does not exist", or silently another query's rows). Here a connection
// keeps its turn from its first message until the backend is ready for another query: after a
// Sync or a simple Query, outside a transaction. A failed message is answered with its error
// and the queue goes on (the original stops for good).
//
// Named statements (runPrepared): every connection shares the one session, so a statement one
// connection prepared is there for all of them, and a second Parse of the same name would fail
// ("prepared statement … already exists"). A Parse identical to one that succeeded — same name,
// text and parameter types — is answered ParseComplete here; a different text under a taken
// name still goes to PGlite and fails, as on a server. A Close of the statement (pg sends one
// when a value cannot be bound) forgets it; so does a Bind answered "does not exist" (26000),
// after a DEALLOCATE or DISCARD by some tool: that one query fails, and the next Parse of the
// name reaches PGlite again. The names are bounded by the app's built-once statements.
import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const CLOSE = 0x43; // 'C'
const ERROR = 0x45; // 'E'
const NO_SUCH_STATEMENT = Buffer.from('C26000\0'); // an ErrorResponse's SQLSTATE field
const PARSE_COMPLETE = Uint8Array.of(0x31, 0, 0, 0, 4); // '1', length 4
const PROTOCOL_3 = 196608;

/** The startup packet has no type byte: its second int32 is the protocol version. */
const isStartup = (m: Uint8Array) =>
  m.length >= 8 && new DataView(m.buffer, m.byteOffset, m.byteLength).getInt32(4) === PROTOCOL_3;

/** The C string at `from` in a message. */
const cString = (m: Uint8Array, from: number) =>
  Buffer.from(m.buffer, m.byteOffset + from, m.indexOf(0, from) - from).toString();
/** The statement a message names: a Parse right after its header, a Bind after its portal. */
function statementOf(m: Uint8Array): string {
  if (m[0] === PARSE) return cString(m, 5);
  if (m[0] === BIND) return cString(m, m.indexOf(0, 5) + 1);
  return '';
}

/** Drop-in for pglite-socket's QueryQueueManager (same methods), with per-query turns. */
export class BatchQueue {
  private queue: Pending[] = [];
  /** the named statements prepared in the session: name → the Parse message that made it */
  private readonly prepared = new Map<string, Buffer>();
  private processing = false;
  /** the connection whose query is under way; null between queries */
  private owner: number | null = null;
  private readonly db: PGlite;

  constructor(db: PGlite) {
    this.db = db;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const at = this.owner === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
        // the owner's next message has not arrived yet: it is sent once the last one is answered
        if (at < 0 || this.queue.length === 0) return;
        const next = this.queue.splice(at, 1)[0]!;
        const type = next.message[0];
        // a Close names the statement after its kind, 'S'
        if (type === CLOSE && next.message[5] === 0x53) this.prepared.delete(cString(next.message, 6));
        if (type === PARSE && this.prepared.get(statementOf(next.message))?.equals(next.message)) {
          next.onData(PARSE_COMPLETE);
          next.resolve(PARSE_COMPLETE.length);
        } else {
          await this.run(next);
        }
        const queryOver = isStartup(next.message) || type === SYNC || type === QUERY;
        this.owner = queryOver && !this.db.isInTransaction() ? null : next.handlerId;
      }
    } finally {
      this.processing = false;
    }
  }

  /**
   * Sends a message to PGlite: a named Parse that succeeds is remembered, a Bind to a statement
   * that no longer exists forgets it (the name is read only then: not on every Bind). Only the
   * answer's first chunk is kept, where a ParseComplete or a Bind's error is; the rest (rows)
   * goes to the connection as it comes.
   */
  private async run(next: Pending): Promise<void> {
    let first: Uint8Array | undefined;
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(next.message, {
          onRawData: (data) => {
            first ??= data;
            bytes += data.length;
            next.onData(data);
          },
        }),
      );
      if (next.message[0] === PARSE && first?.[0] === PARSE_COMPLETE[0]) {
        const name = statementOf(next.message);
        if (name) this.prepared.set(name, Buffer.from(next.message));
      }
      if (first?.[0] === ERROR && Buffer.from(first).includes(NO_SUCH_STATEMENT)) {
        this.prepared.delete(statementOf(next.message));
      }
      next.resolve(bytes);
    } catch (err) {
      next.reject(err);
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection closed: its waiting messages fail and it no longer holds the turn. */
  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((p) => {
      if (p.handlerId === handlerId) p.reject(new Error('Handler disconnected'));
      return p.handlerId !== handlerId;
    });
    if (this.owner === handlerId && !this.db.isInTransaction()) {
      this.owner = null;
      void this.process();
    }
  }

  /** A connection closed inside its transaction: rolled back, and the others go on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.process();
  }
}
