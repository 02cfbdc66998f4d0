import { describe, expect, it } from 'vitest';
import {
  attributeLabel,
  englishMessages,
  errorText,
  mergeMessages,
  mergeWidgetMessages,
  withAccountMessages,
} from './messages.ts';

describe('messages', () => {
  it('gives a wrong password and an unknown user the same text, so the form does not reveal which accounts exist', () => {
    expect(errorText(englishMessages, 'UserNotFoundException')).toBe(
      errorText(englishMessages, 'NotAuthorizedException'),
    );
  });

  it('shows the generic text for a code it has no entry for, never the raw code', () => {
    const text = errorText(englishMessages, 'SomethingNewException');
    expect(text).toBe(englishMessages.unknownError);
    expect(text).not.toContain('SomethingNew');
  });

  it('lays overrides over English and keeps the entries that were not overridden', () => {
    const messages = mergeMessages({ signIn: 'Anmelden', errors: { CodeMismatchException: 'Falscher Code.' } });
    expect(messages.signIn).toBe('Anmelden');
    expect(errorText(messages, 'CodeMismatchException')).toBe('Falscher Code.');
    expect(errorText(messages, 'NotAuthorizedException')).toBe(englishMessages.errors.NotAuthorizedException);
    expect(messages.password).toBe('Password');
  });

  it('labels known attributes and shows unknown attribute names as they are', () => {
    expect(attributeLabel(englishMessages, 'name')).toBe('Full name');
    expect(attributeLabel(englishMessages, 'custom:team')).toBe('custom:team');
  });

  it('keeps account-screen defaults out of the widget dictionary, yet an override of them reaches the account screen', () => {
    const widget = mergeWidgetMessages({ accountTitle: 'Mein Konto', signIn: 'Anmelden' });
    expect(widget.signIn).toBe('Anmelden');
    expect(widget.accountTitle).toBe('Mein Konto');
    expect(mergeWidgetMessages().accountTitle).toBeUndefined();
    const account = withAccountMessages(widget);
    expect(account.accountTitle).toBe('Mein Konto');
    expect(account.devicesTitle).toBe(englishMessages.devicesTitle);
    expect(mergeMessages({ accountTitle: 'Mein Konto', signIn: 'Anmelden' })).toEqual(account);
  });
});
