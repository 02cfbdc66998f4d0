// Development only: the emulator's outbox (latest codes) and live TOTP codes, so every path can be walked by hand.
import { TOTP } from 'otpauth';
import { useEffect, useId, useState } from 'react';

interface OutboxMessage {
  readonly username: string;
  readonly channel: string;
  readonly destination: string;
  readonly code: string;
  readonly sentAt: string | number;
}

function isOutboxMessage(value: unknown): value is OutboxMessage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.username === 'string' && typeof record.code === 'string' && typeof record.channel === 'string';
}

/** Polls `<endpoint>/_emulator/messages` and keeps the newest few. */
function useOutbox(endpoint: string): readonly OutboxMessage[] {
  const [messages, setMessages] = useState<readonly OutboxMessage[]>([]);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`${endpoint}/_emulator/messages`);
        const body: unknown = await response.json();
        const list: unknown[] = Array.isArray(body) ? body : [];
        if (!stopped) setMessages(list.filter(isOutboxMessage).slice(-5).reverse());
      } catch {
        // The emulator may be restarting; the next poll tries again.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 1500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [endpoint]);
  return messages;
}

function totpCode(secret: string, now: number): string | undefined {
  try {
    return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: now });
  } catch {
    return undefined;
  }
}

/** Re-renders every second so TOTP codes stay current. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

const KNOWN_TOTP_USERS = __DEMO_SEED__.totpUsers;

/** The outbox and TOTP helpers; only imported when `import.meta.env.DEV`. */
export default function DevPanel({ endpoint }: { readonly endpoint: string }) {
  const outbox = useOutbox(endpoint);
  const now = useNow();
  const keyId = useId();
  const [key, setKey] = useState('');
  const secondsLeft = 30 - (Math.floor(now / 1000) % 30);
  const pastedCode = key.trim() === '' ? undefined : totpCode(key.replace(/\s+/g, ''), now);
  return (
    <>
      <section className="demo-panel" aria-labelledby="demo-outbox-title">
        <h2 id="demo-outbox-title">Emulator outbox</h2>
        {outbox.length === 0 ? (
          <p>No codes sent yet.</p>
        ) : (
          <ul className="demo-list" aria-live="polite">
            {outbox.map((message) => (
              <li key={`${message.username}-${String(message.sentAt)}-${message.code}`}>
                <code>{message.username}</code> ({message.channel} to {message.destination}):{' '}
                <strong>{message.code}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="demo-panel" aria-labelledby="demo-totp-title">
        <h2 id="demo-totp-title">TOTP helper</h2>
        <ul className="demo-list">
          {KNOWN_TOTP_USERS.map((user) => (
            <li key={user.username}>
              <code>{user.username}</code>: <strong>{totpCode(user.secret, now)}</strong>
            </li>
          ))}
        </ul>
        <p>Changes in {secondsLeft} s.</p>
        <label htmlFor={keyId}>Key shown during MFA set-up</label>
        <input
          id={keyId}
          className="cx-input"
          value={key}
          onChange={(event) => {
            setKey(event.target.value);
          }}
          autoComplete="off"
          spellCheck={false}
        />
        {pastedCode === undefined ? null : (
          <p>
            Code for that key: <strong>{pastedCode}</strong>
          </p>
        )}
      </section>
    </>
  );
}
