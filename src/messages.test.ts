import { describe, expect, it } from 'vitest';
import { attributeLabel, englishMessages, errorText, mergeMessages } from './messages.ts';

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
});
