// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthProvider } from './AuthProvider.tsx';
import { AccountSettings } from './AccountSettings.tsx';

afterEach(cleanup);

const config = {
  userPoolId: 'us-east-1_Nobody',
  clientId: 'nobodyclient00000000000001',
  endpoint: 'http://127.0.0.1:9',
};

describe('AccountSettings', () => {
  it('renders nothing while nobody is signed in, so it can sit beside the login widget', async () => {
    render(
      <AuthProvider config={config}>
        <p>host page</p>
        <AccountSettings config={config} />
      </AuthProvider>,
    );
    await screen.findByText('host page');
    expect(screen.queryByRole('heading', { name: 'Your account' })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
