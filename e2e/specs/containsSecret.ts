// Whether a text holds a secret value: the test for every leak check, in Node (Vitest) and in the browser specs.

/**
 * Substring search, except that an all-digit secret (a six-digit one-time code) counts only as a whole number: inside
 * a longer run of digits (a timestamp, an `exp` claim) it is chance, not a leak.
 */
export function containsSecret(text: string, value: string): boolean {
  return /^\d+$/.test(value) ? new RegExp(`(?<!\\d)${value}(?!\\d)`).test(text) : text.includes(value);
}
