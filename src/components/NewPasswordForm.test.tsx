// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PASSWORD_POLICY } from '../hooks/flowData.ts';
import { NewPasswordForm } from './NewPasswordForm.tsx';

afterEach(cleanup);

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('NewPasswordForm', () => {
  it('asks for each required attribute and submits it with the new password', () => {
    const submit = vi.fn();
    render(
      <NewPasswordForm
        policy={DEFAULT_PASSWORD_POLICY}
        requiredAttributes={['name']}
        busy={false}
        error={undefined}
        submit={submit}
      />,
    );
    expect(screen.getByLabelText('New password').getAttribute('autocomplete')).toBe('new-password');
    fill('New password', 'N3w!password');
    fill('Confirm new password', 'N3w!password');
    fill('Full name', 'Ada Lovelace');
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(submit).toHaveBeenCalledWith('N3w!password', { name: 'Ada Lovelace' });
    expect(screen.getByLabelText<HTMLInputElement>('New password').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Confirm new password').value).toBe('');
  });

  it('refuses passwords that differ and says so without calling submit', () => {
    const submit = vi.fn();
    render(
      <NewPasswordForm
        policy={DEFAULT_PASSWORD_POLICY}
        requiredAttributes={[]}
        busy={false}
        error={undefined}
        submit={submit}
      />,
    );
    fill('New password', 'one-password');
    fill('Confirm new password', 'another-password');
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('The passwords don’t match.');
  });

  it('lists the pool’s password rules and names the one Cognito says the new password breaks', () => {
    const policy = { ...DEFAULT_PASSWORD_POLICY, minimumLength: 12 };
    const error = {
      code: 'InvalidPasswordException',
      retryable: false,
      detail: 'Password does not conform to policy: Password not long enough',
    } as const;
    render(<NewPasswordForm policy={policy} requiredAttributes={[]} busy={false} error={error} submit={vi.fn()} />);
    expect(screen.getByText('At least 12 characters')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The password is missing: At least 12 characters.');
  });
});
