// @vitest-environment happy-dom
// <LoginWidget>'s first screen: the credentials form before the engine, and a link chosen there is followed once the
// engine has loaded.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginWidget } from './LoginWidget.tsx';

afterEach(cleanup);

const config = {
  userPoolId: 'us-east-1_Shell',
  clientId: 'shellclient000000000000001',
  endpoint: 'http://127.0.0.1:9',
};

describe('<LoginWidget> first screen', () => {
  it('paints the credentials form in the first render, before its engine has loaded', () => {
    render(<LoginWidget config={config} />);
    // Synchronously after render: no await, so nothing loaded on demand can have arrived.
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  it('follows "Forgot password?" chosen on the first screen once the engine has loaded', async () => {
    render(<LoginWidget config={config} />);
    fireEvent.click(screen.getByRole('button', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' }, { timeout: 5000 })).toBeTruthy();
  });

  it('starts on "Please wait…" when the store cannot say at once whether a session is waiting', () => {
    const opaque = { load: () => null, save: () => undefined, clear: () => undefined };
    render(<LoginWidget config={{ ...config, tokenStore: opaque }} />);
    expect(screen.getByRole('status').textContent).toBe('Please wait…');
    expect(screen.queryByLabelText('Username')).toBeNull();
  });
});
