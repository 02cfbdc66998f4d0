// The codes a user pool "sent": polled from the emulator's /_emulator/messages, or asked of the user's own hook.

/** One message in the emulator's outbox (see e2e/emulator/outbox.ts). */
export interface OutboxMessage {
  readonly poolId: string;
  readonly username: string;
  readonly channel: 'SMS' | 'EMAIL';
  readonly destination: string;
  readonly code: string;
  readonly message: string;
  readonly sentAt: string;
}

/** Which message to wait for and how long. */
export interface WaitForCodeOptions {
  /** Only SMS or only email codes. */
  readonly channel?: 'SMS' | 'EMAIL';
  /** Give up after this many ms (default 10 000). */
  readonly timeout?: number;
}

/**
 * Where codes come from against a real user pool: your own hook (an SMS/email test inbox, a Lambda writing to a
 * table...). Called once per `waitForCode`; it should wait until the code has arrived.
 */
export type CodeHook = (username: string, options: { channel?: 'SMS' | 'EMAIL'; since: Date }) => Promise<string>;

/** The emulator's outbox: the codes it would have sent by SMS or email. */
export interface Outbox {
  /**
   * The newest code sent to `username` after the previous `waitForCode` for that user (or after the outbox was
   * created), waiting for it to arrive. Each code is handed out once.
   */
  waitForCode(username: string, options?: WaitForCodeOptions): Promise<string>;
  /** Every message the emulator has sent so far (emulator only). */
  messages(): Promise<readonly OutboxMessage[]>;
}

function isOutboxMessage(value: unknown): value is OutboxMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { username, code, channel } = value as Partial<Record<keyof OutboxMessage, unknown>>;
  return typeof username === 'string' && typeof code === 'string' && (channel === 'SMS' || channel === 'EMAIL');
}

const POLL_MS = 50;

/** An outbox over an emulator's HTTP test endpoint; codes sent before it was created are never returned. */
export async function emulatorOutbox(emulatorUrl: string): Promise<Outbox> {
  const read = async (): Promise<readonly OutboxMessage[]> => {
    const response = await fetch(`${emulatorUrl}/_emulator/messages`);
    if (!response.ok) throw new Error(`GET /_emulator/messages answered ${String(response.status)}`);
    const body: unknown = await response.json();
    return Array.isArray(body) ? body.filter(isOutboxMessage) : [];
  };
  // Per user: how many of their messages were already there or already handed out.
  const seen = new Map<string, number>();
  const initial = await read();
  for (const message of initial) seen.set(message.username, (seen.get(message.username) ?? 0) + 1);
  const startCount = new Map(seen);
  return {
    messages: read,
    async waitForCode(username, options = {}) {
      const deadline = Date.now() + (options.timeout ?? 10_000);
      for (;;) {
        const mine = (await read()).filter((message) => message.username === username);
        const fresh = mine.slice(seen.get(username) ?? startCount.get(username) ?? 0);
        const match = fresh
          .filter((message) => options.channel === undefined || message.channel === options.channel)
          .at(-1);
        if (match !== undefined) {
          seen.set(username, mine.length);
          return match.code;
        }
        if (Date.now() > deadline)
          throw new Error(`no ${options.channel ?? 'SMS or email'} code for ${username} in the emulator outbox`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
  };
}

/** An outbox for a real user pool: every code comes from the hook you supply. */
export function hookOutbox(hook: CodeHook): Outbox {
  const created = new Date();
  const since = new Map<string, Date>();
  return {
    async waitForCode(username, options = {}) {
      const code = await hook(username, {
        ...(options.channel === undefined ? {} : { channel: options.channel }),
        since: since.get(username) ?? created,
      });
      since.set(username, new Date());
      return code;
    },
    messages: () => Promise.reject(new Error('a real user pool has no readable outbox; codes come from your hook')),
  };
}
