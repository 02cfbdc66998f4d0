// The widget's first screen, decided before its engine loads: the credentials form, or "Please wait…".
import type { TokenStore } from '../../machines/ports.ts';
import type { PeekableTokenStore } from '../adapters/tokenStore.ts';
import type { LoginWidgetConfig } from './config.ts';

/** `form`: the credentials form paints at once; `wait`: "Please wait…" until the engine knows better. */
export type FirstScreen = 'form' | 'wait';

/**
 * A user already signed in (a session in the store from an earlier visit) must not see the form flash: only a store
 * that can answer synchronously (`mayHaveSession`) lets the form paint. The OAuth callback is the engine's to finish.
 */
export function firstScreen(
  config: LoginWidgetConfig,
  tokens: TokenStore | undefined,
  search: string = typeof location === 'undefined' ? '' : location.search,
): FirstScreen {
  // An OAuth callback (`?code=` or `?error=` back from a login domain) is finished by the engine at once.
  const query = new URLSearchParams(search);
  if (query.has('state') && (query.has('code') || query.has('error'))) return 'wait';
  // No store named: the default is memory, empty on every page load.
  if (tokens === undefined) return 'form';
  const peekable = tokens as Partial<PeekableTokenStore>;
  if (typeof peekable.mayHaveSession !== 'function') return 'wait';
  try {
    return peekable.mayHaveSession(config.clientId) ? 'wait' : 'form';
  } catch {
    // Storage blocked (e.g. cookies off): the engine's restore reports it.
    return 'wait';
  }
}
