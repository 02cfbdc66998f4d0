// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_POOL_ID } from '../../e2e/emulator/demo.ts';
import { startEmulator, type Emulator } from '../../e2e/emulator/index.ts';
import type { SignedInResult } from '../hooks/SignInProvider.tsx';
import { mountLoginWidget } from './mount.tsx';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

describe('mountLoginWidget', () => {
  it('renders the widget into a plain element, signs in, hands the tokens to onSignedIn, and unmounts', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const results: SignedInResult[] = [];
    const widget = mountLoginWidget(
      element,
      { userPoolId: DEMO_POOL_ID, clientId: DEMO_CLIENT_ID, endpoint: emulator.url },
      {
        onSignedIn: (result) => results.push(result),
        messages: { signIn: 'Log in' },
        className: 'host-theme',
      },
    );
    const username = await screen.findByLabelText('Username');
    expect(element.querySelector('.cx-widget.host-theme')).not.toBeNull();
    fireEvent.change(username, { target: { value: 'srp-user' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: DEMO_PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    await waitFor(
      () => {
        expect(results).toHaveLength(1);
      },
      { timeout: 5000 },
    );
    const [result] = results;
    expect(result?.claims.username).toBe('srp-user');
    // Tokens reach the host wrapped: printing them shows nothing, reveal() gives the JWT.
    expect(JSON.stringify(result?.tokens)).not.toContain('eyJ');
    expect(result?.tokens.idToken.reveal().split('.')).toHaveLength(3);

    // ConfirmDevice finishes before unmounting, so no request is cut off.
    await screen.findByRole('heading', { name: 'Remember this device?' }, { timeout: 5000 });
    widget.unmount();
    expect(element.innerHTML).toBe('');
    element.remove();
  });
});
