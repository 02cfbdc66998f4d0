// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewPasswordForm } from './NewPasswordForm.tsx';

afterEach(cleanup);

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('NewPasswordForm', () => {
  it('asks for each required attribute and submits it with the new password', () => {
    const submit = vi.fn();
    render(<NewPasswordForm requiredAttributes={['name']} busy={false} error={undefined} submit={submit} />);
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
    render(<NewPasswordForm requiredAttributes={[]} busy={false} error={undefined} submit={submit} />);
    fill('New password', 'one-password');
    fill('Confirm new password', 'another-password');
    fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('The passwords don’t match.');
  });
});
