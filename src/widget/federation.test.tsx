// @vitest-environment happy-dom
// config.oauth in the widget: "Continue with …" beside the form, the hosted-page-only mode, and a refused callback.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secret } from '../../machines/secret.ts';
import { createMemoryTokenStore } from '../adapters/tokenStore.ts';
import { LoginWidget } from './LoginWidget.tsx';
import type { LoginWidgetConfig } from './config.ts';
import { managedLogin } from './managedLogin.tsx';
import { MissingModuleError } from './modules.ts';
import { mountLoginWidget } from './mount.tsx';

afterEach(cleanup);

const base: LoginWidgetConfig = {
  userPoolId: 'us-east-1_Federated',
  clientId: 'federatedclient00000000001',
  endpoint: 'http://127.0.0.1:9',
};

describe('LoginWidgetConfig oauth', () => {
  it('offers each configured provider beside the username/password form', async () => {
    render(
      <LoginWidget
        managedLogin={managedLogin}
        config={{
          ...base,
          oauth: {
            redirectUri: `${location.origin}/callback`,
            providers: ['MockIdP', 'Google', 'COGNITO'],
            providerLabels: { MockIdP: 'Mock IdP' },
          },
        }}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Continue with Mock IdP' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue with Google' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in on the hosted page' })).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
  });

  it('hosted-page-only shows one button to the managed login page and no form', async () => {
    render(
      <LoginWidget
        managedLogin={managedLogin}
        config={{ ...base, oauth: { redirectUri: `${location.origin}/callback`, hostedOnly: true } }}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Sign in on the hosted page' })).toBeTruthy();
    expect(screen.queryByLabelText('Username')).toBeNull();
  });

  it('hosted-page-only still shows the signed-in view, and no way in, once a session is restored', async () => {
    const tokenStore = createMemoryTokenStore();
    const payload = btoa(JSON.stringify({ sub: 's-1', 'cognito:username': 'ada', email: 'ada@example.com' }));
    const idToken = `e30.${payload.replace(/=+$/, '')}.sig`;
    tokenStore.save(base.clientId, {
      username: 'ada',
      idToken: secret(idToken),
      accessToken: secret(idToken),
      refreshToken: secret('refresh'),
      expiresAt: Date.now() + 3_600_000,
    });
    render(
      <LoginWidget
        managedLogin={managedLogin}
        config={{ ...base, tokenStore, oauth: { redirectUri: `${location.origin}/callback`, hostedOnly: true } }}
      />,
    );
    expect(await screen.findByText('Signed in as ada@example.com.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in on the hosted page' })).toBeNull();
  });

  it('a callback this tab did not start is refused, and its code leaves the address bar', async () => {
    history.replaceState(null, '', '/callback?code=stolen-code&state=forged');
    render(
      <LoginWidget
        managedLogin={managedLogin}
        config={{ ...base, oauth: { redirectUri: `${location.origin}/callback` } }}
      />,
    );
    const alert = await screen.findByText('Sign-in with that provider did not complete. Please try again.');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.getAttribute('data-redirect-error')).toBe('NoPendingRedirect');
    expect(location.href).not.toContain('stolen-code');
  });

  it('config.oauth without the managed-login module throws MissingModuleError naming the import, not a widget without its buttons', () => {
    const config = { ...base, oauth: { redirectUri: `${location.origin}/callback` } };
    const thrown = (() => {
      try {
        mountLoginWidget(document.createElement('div'), config);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(MissingModuleError);
    expect(thrown).toMatchObject({
      code: 'MissingModule',
      setting: 'config.oauth',
      module: 'cognito-xstate/managed-login',
    });
    expect(String(thrown)).toContain("import { managedLogin } from 'cognito-xstate/managed-login'");
  });

  it('<LoginWidget> with config.oauth and no module fails its render with the same error', () => {
    const failures: unknown[] = [];
    // React reports a render error to the console as well; keep the test output to the assertion.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(<LoginWidget config={{ ...base, oauth: { redirectUri: `${location.origin}/callback` } }} />);
    } catch (error) {
      failures.push(error);
    } finally {
      quiet.mockRestore();
    }
    expect(failures[0]).toBeInstanceOf(MissingModuleError);
  });

  it('without config.oauth and without the module: the form and no provider buttons', async () => {
    render(<LoginWidget config={base} />);
    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in on the hosted page' })).toBeNull();
  });
});
