// @vitest-environment happy-dom
// LoginWidgetConfig's account-flow options reach the sign-up form: the pool's password policy and the attributes asked for.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginWidget } from './LoginWidget.tsx';

afterEach(cleanup);

describe('LoginWidgetConfig account-flow options', () => {
  it('shows config.passwordPolicy before submit and asks only for config.signUpAttributes', async () => {
    render(
      <LoginWidget
        config={{
          userPoolId: 'us-east-1_Configured',
          clientId: 'configclient00000000000001',
          endpoint: 'http://127.0.0.1:9',
          passwordPolicy: {
            MinimumLength: 14,
            RequireSymbols: false,
            RequireNumbers: true,
            RequireUppercase: false,
            RequireLowercase: true,
          },
          signUpAttributes: ['email'],
        }}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    const rules = (await screen.findByText('Your password needs:')).parentElement;
    expect(rules?.textContent).toContain('At least 14 characters');
    expect(rules?.textContent).toContain('A number');
    expect(rules?.textContent).not.toContain('A symbol');
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.queryByLabelText('Full name')).toBeNull();
  });
});
