// Types for the amazon-cognito-identity-js internals the oracle SRP adapter drives (the package ships none for them).
import 'amazon-cognito-identity-js';

declare module 'amazon-cognito-identity-js' {
  /** The package's jsbn-derived big integer; reached through `AuthenticationHelper#N.constructor` (not exported). */
  export interface OracleBigInteger {
    constructor: { new (value: string, radix: number): OracleBigInteger; prototype: OracleBigInteger };
    toString(radix: number): string;
    /** this^exponent mod modulus; calls back synchronously (never for a zero exponent). */
    modPow(
      exponent: OracleBigInteger,
      modulus: OracleBigInteger,
      callback: OracleCallback<OracleBigInteger>,
    ): OracleBigInteger;
  }

  type OracleCallback<T> = (error: Error | null, value: T) => void;

  /** SRP-6a client math of the official client; fields are what its methods read and write. */
  export class AuthenticationHelper {
    constructor(poolName: string);
    N: OracleBigInteger;
    g: OracleBigInteger;
    k: OracleBigInteger;
    infoBits: Uint8Array;
    poolName: string;
    smallAValue: OracleBigInteger;
    largeAValue: OracleBigInteger | undefined;
    getSmallAValue(): OracleBigInteger;
    getLargeAValue(callback: OracleCallback<OracleBigInteger>): void;
    getPasswordAuthenticationKey(
      username: string,
      password: string,
      serverBValue: OracleBigInteger,
      salt: OracleBigInteger,
      callback: OracleCallback<Uint8Array>,
    ): void;
    generateHashDevice(deviceGroupKey: string, username: string, callback: OracleCallback<null>): void;
    getRandomPassword(): string;
    getSaltDevices(): string;
    getVerifierDevices(): string;
    padHex(value: OracleBigInteger): string;
    hash(value: string | Uint8Array): string;
    hexHash(hex: string): string;
  }

  /** Formats the client's clock as Cognito's TIMESTAMP (`ddd MMM D HH:mm:ss UTC YYYY`). */
  export class DateHelper {
    getNowString(): string;
  }
}
