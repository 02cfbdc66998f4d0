// Test kit: a seeded generator of random SRP inputs (strings, hex numbers, base64 blocks, dates) for property tests.

/** A small deterministic PRNG (mulberry32), so a failing vector can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class VectorSource {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = seededRandom(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from no items');
    return item;
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(0, 255));
  }

  hex(byteLength: number): string {
    let hex = '';
    for (const byte of this.bytes(byteLength)) hex += byte.toString(16).padStart(2, '0');
    // Servers may send upper case or drop leading zeros; both parse to the same integer.
    const shaped = this.int(0, 3) === 0 ? hex.toUpperCase() : hex;
    return this.int(0, 3) === 0 ? shaped.replace(/^0+(?=.)/, '') : shaped;
  }

  base64(byteLength: number): string {
    return btoa(String.fromCharCode(...this.bytes(byteLength)));
  }

  /** Text mixing ASCII, separators and multi-byte UTF-8 (accents, CJK, emoji, a combining mark). */
  text(minLength: number, maxLength: number): string {
    const pieces = ['a', 'Z', '7', '-', '_', '.', '@', ':', ' ', '!', 'é', 'ß', '密', '码', '✓', '😀', 'e\u0301', 'Ω'];
    let text = '';
    const length = this.int(minLength, maxLength);
    for (let i = 0; i < length; i += 1) text += this.pick(pieces);
    return text;
  }

  alphanumeric(minLength: number, maxLength: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let text = '';
    const length = this.int(minLength, maxLength);
    for (let i = 0; i < length; i += 1) text += alphabet.charAt(this.int(0, alphabet.length - 1));
    return text;
  }

  uuid(): string {
    const hex = Array.from(this.bytes(16), (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Any second between 1970 and 2100, to cover every weekday, month, one- and two-digit fields. */
  date(): Date {
    return new Date(this.int(0, 4_102_444_799) * 1000);
  }
}
