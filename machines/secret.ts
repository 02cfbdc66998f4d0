// Secret<T>: a value that prints itself as "[redacted]" everywhere it could leak (JSON, strings, inspect).

const REDACTED = '[redacted]';
const nodeInspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * Wraps a password, Session, code, token or key so snapshots, logs and the inspector never show it.
 * It stops accidents, not attackers: `reveal()` returns the value to the one caller that needs it.
 */
export class Secret<T> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  /** The wrapped value; call only where it is put on the wire or into the user's chosen store. */
  reveal(): T {
    return this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [nodeInspect](): string {
    return REDACTED;
  }
}

/** Wraps a value as a Secret. */
export function secret<T>(value: T): Secret<T> {
  return new Secret(value);
}
