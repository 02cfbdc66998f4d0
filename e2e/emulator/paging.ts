// One page of a list, with the opaque next-page token Cognito's List* calls hand back.
import { invalidParameter } from './errors.ts';
import { optIntInRange, optStr, type Json } from './input.ts';

/** Items from the token's offset, at most `limit` of them, and the token of the next page when there is one. */
export function pageFrom<T>(
  items: readonly T[],
  limit: number,
  token: string | undefined,
  tokenName: string,
): { items: T[]; next?: string } {
  const start = Number(token ?? '0');
  if (!Number.isInteger(start) || start < 0) throw invalidParameter(`Invalid ${tokenName}`);
  const slice = items.slice(start, start + limit);
  return start + limit < items.length ? { items: slice, next: String(start + limit) } : { items: slice };
}

/** The page size asked for, where none (or 0, allowed by some calls) means the largest page. */
export function pageSize(asked: number | undefined, max: number): number {
  return asked === undefined || asked === 0 ? max : asked;
}

/** Pages over a list with Cognito's NextToken/PaginationToken convention. */
export function page<T>(
  items: T[],
  input: Json,
  limitName: string,
  tokenName: string,
  range: readonly [min: number, max: number],
): { items: T[]; next?: string } {
  const limit = pageSize(optIntInRange(input, limitName, range[0], range[1]), range[1]);
  return pageFrom(items, limit, optStr(input, tokenName), tokenName);
}
