// Parts every statechart here shares: typed actor placeholders and the error params of an invoke's onError.
import { fromPromise } from 'xstate';
import type { PublicCallBase } from './accountTypes.ts';
import { toSignInError } from './errors.ts';
import type { StringMap } from './protocol.ts';

/** A typed placeholder: a machine loads in a visualiser; the real actors are provided by the composition root. */
export function notProvided<TOutput, TInput>(name: string) {
  return fromPromise<TOutput, TInput>(() => Promise.reject(new Error(`The ${name} actor was not provided.`)));
}

/** Milliseconds until a refresh is due: `refreshMarginSeconds` before the access token expires (0 without tokens). */
export function msUntilRefresh(context: {
  readonly tokens: { readonly expiresAt: number } | null;
  readonly refreshMarginSeconds: number;
}): number {
  return context.tokens === null
    ? 0
    : Math.max(0, context.tokens.expiresAt - context.refreshMarginSeconds * 1000 - Date.now());
}

/** onError params: the thrown value as plain SignInError data, so snapshots stay serialisable. */
export const errorParams = ({ event }: { event: { error: unknown } }) => ({ error: toSignInError(event.error) });

/** What a public account call carries: the client id, and this call's ClientMetadata or else the flow's. */
export function publicCallBase(context: {
  readonly clientId: string;
  readonly clientMetadata: StringMap | null;
  readonly callClientMetadata: StringMap | null;
}): PublicCallBase {
  return { clientId: context.clientId, clientMetadata: context.callClientMetadata ?? context.clientMetadata };
}
