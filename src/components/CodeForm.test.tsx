// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeForm } from './CodeForm.tsx';

afterEach(cleanup);

describe('CodeForm', () => {
  it('asks for an SMS code with one-time-code autofill and a numeric keypad, showing the masked destination', () => {
    render(<CodeForm medium="SMS" destination="+*******0100" busy={false} error={undefined} submit={vi.fn()} />);
    expect(screen.getByRole('heading').textContent).toBe('Enter the code from your text message');
    expect(screen.getByText('We sent a code to +*******0100.')).toBeTruthy();
    const code = screen.getByLabelText('Code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(code);
  });

  it('submits the digits without spaces and clears the field', () => {
    const submit = vi.fn();
    render(<CodeForm medium="TOTP" busy={false} error={undefined} submit={submit} />);
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '123 456' } });
    fireEvent.submit(screen.getByLabelText('Code'));
    expect(submit).toHaveBeenCalledWith('123456');
    expect(screen.getByLabelText<HTMLInputElement>('Code').value).toBe('');
  });

  it('offers cancel when the step can be cancelled', () => {
    const cancel = vi.fn();
    render(<CodeForm medium="EMAIL" busy={false} error={undefined} submit={vi.fn()} cancel={cancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('says the code was wrong in the alert region', () => {
    render(<CodeForm medium="SMS" busy={false} error={{ code: 'CodeMismatchException' }} submit={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('That code isn’t right. Check it and try again.');
  });
});
