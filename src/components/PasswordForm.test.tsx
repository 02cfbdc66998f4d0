// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PasswordForm } from './PasswordForm.tsx';

afterEach(cleanup);

describe('PasswordForm', () => {
  it('labels both fields with the autocomplete tokens password managers expect and focuses the username', () => {
    render(<PasswordForm busy={false} error={undefined} submit={vi.fn()} />);
    const username = screen.getByLabelText('Username');
    expect(username.getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');
    expect(document.activeElement).toBe(username);
  });

  it('hands username and password to submit and clears the password field right after', () => {
    const submit = vi.fn();
    render(<PasswordForm busy={false} error={undefined} submit={submit} />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' srp-user ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Passw0rd!demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(submit).toHaveBeenCalledWith('srp-user', 'Passw0rd!demo');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Username').value.trim()).toBe('srp-user');
  });

  it('keeps focus in the username field while the user types into it', () => {
    render(<PasswordForm busy={false} error={undefined} submit={vi.fn()} />);
    const username = screen.getByLabelText('Username');
    fireEvent.change(username, { target: { value: 't' } });
    expect(document.activeElement).toBe(username);
  });

  it('starts on the password field when the username is already known', () => {
    render(<PasswordForm busy={false} error={undefined} submit={vi.fn()} defaultUsername="srp-user" />);
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('does not submit twice while busy', () => {
    const submit = vi.fn();
    render(<PasswordForm busy error={undefined} submit={submit} defaultUsername="srp-user" />);
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Signing in…' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Signing in…');
  });

  it('under passwordless SMS_OTP asks for the username alone and sends it with no password', () => {
    const submit = vi.fn();
    render(
      <PasswordForm
        busy={false}
        error={undefined}
        submit={submit}
        defaultUsername="passwordless-user"
        passwordless="SMS_OTP"
      />,
    );
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    fireEvent.click(screen.getByRole('button', { name: 'Text me a sign-in code' }));
    expect(submit).toHaveBeenCalledWith('passwordless-user', '');
  });

  it('announces the error in an alert tied to the fields and never shows the raw code', () => {
    render(<PasswordForm busy={false} error={{ code: 'UserNotFoundException' }} submit={vi.fn()} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Incorrect username or password.');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement).toBe(password);
  });
});
