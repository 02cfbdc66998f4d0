// The one error startEmulator() and the cognito-emulator bin raise before serving: a bad seed, or a port in use.

/** Why the emulator could not start: branch on `code`, show `message` (it names the file and field, never a value). */
export type EmulatorStartErrorCode = 'InvalidSeed' | 'PortInUse' | 'ListenFailed';

/** Why the emulator could not start (a malformed seed, a port in use), naming the file and field. */
export class EmulatorStartError extends Error {
  readonly code: EmulatorStartErrorCode;
  constructor(code: EmulatorStartErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EmulatorStartError';
    this.code = code;
  }
}

/** `source: field: problem`, the single line the bin prints for a seed it cannot use. */
export function invalidSeed(source: string, field: string, problem: string, cause?: unknown): EmulatorStartError {
  const where = field === '' ? source : `${source}: ${field}`;
  return new EmulatorStartError('InvalidSeed', `${where}: ${problem}`, cause === undefined ? undefined : { cause });
}
