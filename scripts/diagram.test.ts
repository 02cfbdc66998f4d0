import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AnyStateMachine } from 'xstate';
import { signInMachine } from '../machines/signIn.machine.ts';
import { signInDiagram } from './diagram.ts';

function stateIds(node: AnyStateMachine['root']): string[] {
  return Object.values(node.states).flatMap((child) => [child.id, ...stateIds(child)]);
}

describe('npm run diagram', () => {
  const diagram = signInDiagram();

  it('draws every state of the sign-in machine, named after its ChallengeName', () => {
    const logic: AnyStateMachine = signInMachine;
    for (const id of stateIds(logic.root)) expect(diagram).toContain(`as ${id.replace(/\./g, '__')}`);
    expect(diagram).toContain('state "SMS_MFA" as signIn__SMS_MFA');
  });

  it('labels transitions with events and guards', () => {
    expect(diagram).toContain('signIn__SMS_MFA__awaitingInput --> signIn__SMS_MFA__responding : code.submit');
    expect(diagram).toContain('[isSessionExpired]');
  });

  it('matches the committed docs/sign-in.md', () => {
    expect(readFileSync(new URL('../docs/sign-in.md', import.meta.url), 'utf8')).toBe(diagram);
  });
});
