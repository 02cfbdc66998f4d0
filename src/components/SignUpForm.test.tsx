// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PASSWORD_POLICY } from '../hooks/flowData.ts';
import { SignUpForm } from './SignUpForm.tsx';

afterEach(cleanup);

describe('SignUpForm', () => {
  it('lists the password policy before submit and marks each rule as it is met', () => {
    render(
      <SignUpForm
        policy={DEFAULT_PASSWORD_POLICY}
        attributes={['email']}
        busy={false}
        error={undefined}
        submit={vi.fn()}
      />,
    );
    const rule = screen.getByText('At least 8 characters');
    expect(rule.getAttribute('data-met')).toBe('false');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'long enough' } });
    expect(screen.getByText('At least 8 characters').getAttribute('data-met')).toBe('true');
    expect(screen.getByText('An upper-case letter').getAttribute('data-met')).toBe('false');
  });

  it('hands username, password and attributes to submit and clears the password field', () => {
    const submit = vi.fn();
    render(
      <SignUpForm
        policy={DEFAULT_PASSWORD_POLICY}
        attributes={['email', 'name']}
        busy={false}
        error={undefined}
        submit={submit}
      />,
    );
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' alice ' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'alice@example.com' } });
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Alice' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Passw0rd!demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(submit).toHaveBeenCalledWith('alice', 'Passw0rd!demo', { email: 'alice@example.com', name: 'Alice' });
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it('names the rule an InvalidPasswordException broke, never Cognito’s own message', () => {
    render(
      <SignUpForm
        policy={DEFAULT_PASSWORD_POLICY}
        attributes={[]}
        busy={false}
        error={{
          code: 'InvalidPasswordException',
          detail: 'Password does not conform to policy: Password must have numeric characters',
        }}
        submit={vi.fn()}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The password is missing: A number.');
    expect(alert.textContent).not.toContain('conform');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  });
});
