// The widget's first screen is the form only when no session can be waiting in the store.
import { describe, expect, it } from 'vitest';
import type { TokenStore } from '../../machines/ports.ts';
import { createMemoryTokenStore, createWebStorageTokenStore } from '../adapters/tokenStore.ts';
import { firstScreen } from './firstScreen.ts';
import { memoryStorage } from '../../e2e/specs/memoryStorage.ts';

const config = { userPoolId: 'us-east-1_Shell', clientId: 'shellclient000000000000001' };

describe('firstScreen', () => {
  it('paints the form with the default store (memory, empty on every page load)', () => {
    expect(firstScreen(config, undefined, '')).toBe('form');
  });

  it('paints the form when web storage holds no session for this client, "Please wait…" when it does', () => {
    const storage = memoryStorage();
    const tokens = createWebStorageTokenStore(storage);
    expect(firstScreen(config, tokens, '')).toBe('form');
    storage.setItem(`CognitoIdentityServiceProvider.${config.clientId}.LastAuthUser`, 'ada');
    expect(firstScreen(config, tokens, '')).toBe('wait');
    expect(firstScreen({ ...config, clientId: 'anotherclient000000000001' }, tokens, '')).toBe('form');
  });

  it('waits with a store that cannot tell at once, or whose storage is blocked', () => {
    const memory = createMemoryTokenStore();
    const opaque: TokenStore = {
      load: (clientId) => memory.load(clientId),
      save: (clientId, tokens) => {
        memory.save(clientId, tokens);
      },
      clear: (clientId) => {
        memory.clear(clientId);
      },
    };
    expect(firstScreen(config, opaque, '')).toBe('wait');
    const blocked = {
      ...createMemoryTokenStore(),
      mayHaveSession: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(firstScreen(config, blocked, '')).toBe('wait');
  });

  it('paints managed login (the form and its buttons) at once, and leaves an OAuth callback page to the engine', () => {
    expect(firstScreen({ ...config, oauth: { redirectUri: 'https://app.example/callback' } }, undefined, '')).toBe(
      'form',
    );
    expect(firstScreen(config, undefined, '?code=abc&state=xyz')).toBe('wait');
    expect(firstScreen(config, undefined, '?error=access_denied&state=xyz')).toBe('wait');
    expect(firstScreen(config, undefined, '?code=abc')).toBe('form');
  });
});
