import { describe, expect, it } from 'vitest';
import { decodeJwtPayload } from './decodeJwtPayload.ts';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeJwtPayload', () => {
  it('reads the claims of a compact JWS, unicode included, without checking the signature', () => {
    const token = `${base64url({ alg: 'RS256' })}.${base64url({ sub: 'u-1', name: 'Zoë', exp: 1700000000 })}.sig`;
    expect(decodeJwtPayload(token)).toEqual({ sub: 'u-1', name: 'Zoë', exp: 1700000000 });
  });

  it('answers undefined for anything that is not a JWT with a JSON object payload', () => {
    expect(decodeJwtPayload('not-a-jwt')).toBeUndefined();
    expect(decodeJwtPayload('a.%%%.c')).toBeUndefined();
    expect(decodeJwtPayload(`x.${Buffer.from('not json').toString('base64url')}.y`)).toBeUndefined();
  });
});
