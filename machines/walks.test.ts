// @xstate/graph walks of the account-side machines (sign-up, password reset, account, passkey registration, the OAuth
// redirect): every state is reached by what a user sends and what Cognito answers, and no state holds a secret in the
// clear. The sign-in, session and screens machines have their own walks beside their other tests.
import { getShortestPaths } from '@xstate/graph';
import type { AnyEventObject, AnyStateMachine, AnyStateNode, SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { accountMachine } from './account.machine.ts';
import { CognitoServiceError, type CognitoErrorCode } from './errors.ts';
import { forgotPasswordMachine } from './forgotPassword.machine.ts';
import { passkeyRegistrationMachine } from './passkeyRegistration.machine.ts';
import { redirectMachine } from './redirect.machine.ts';
import { redirectError, RedirectFailure } from './redirect.types.ts';
import { secret } from './secret.ts';
import { signUpMachine } from './signUp.machine.ts';

/** Values the walks send as secrets; none may appear in any context on any path. */
const SECRETS = ['walk-password-1', 'walk-code-2', 'walk-token-3', 'walk-options-4', 'walk-credential-5'] as const;
const [PASSWORD, CODE, TOKEN, OPTIONS, CREDENTIAL] = SECRETS;

const refused = (code: CognitoErrorCode) => new CognitoServiceError({ code, retryable: false, detail: 'walk' });

/** A machine's world: the users' events, and what each invoked actor (by src) may answer. */
interface World {
  readonly machine: AnyStateMachine;
  /** One walk per input (e.g. starting at confirmation, or at the form). */
  readonly inputs: readonly unknown[];
  readonly userEvents: readonly AnyEventObject[];
  readonly outputs: Readonly<Record<string, readonly unknown[]>>;
  readonly errors: Readonly<Record<string, readonly unknown[]>>;
}

type Snapshot = SnapshotFrom<AnyStateMachine>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The src of a running child (a string: the machines name their actors in `setup`). */
function srcOf(child: unknown): string {
  return isRecord(child) && typeof child.src === 'string' ? child.src : '';
}

/** What can happen next: any user event, and each running actor finishing with any of its answers or errors. */
function nextEvents(world: World, snapshot: Snapshot): AnyEventObject[] {
  const children: unknown = snapshot.children;
  const running = Object.entries(isRecord(children) ? children : {});
  return [
    ...world.userEvents,
    ...running.flatMap(([id, child]) => [
      ...(world.outputs[srcOf(child)] ?? []).map((output) => ({ type: `xstate.done.actor.${id}`, output })),
      ...(world.errors[srcOf(child)] ?? []).map((error) => ({ type: `xstate.error.actor.${id}`, error })),
    ]),
  ];
}

/**
 * Every state node's path below the root (`ConfirmSignUp`, `ConfirmSignUp.awaitingInput`, …), but routers: a state
 * whose `always` has an unguarded way out (like `starting`) is left at once, so no snapshot ever rests in it.
 */
function statePaths(node: AnyStateNode, prefix = ''): string[] {
  return Object.entries(node.states).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const router = (child.always ?? []).some((transition) => transition.guard === undefined);
    return [...(router ? [] : [path]), ...statePaths(child, path)];
  });
}

/** The state paths a snapshot is in (a compound state and its active child both count). */
function activePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix === '' ? value : `${prefix}.${value}`];
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...activePaths(child, path)];
  });
}

/** Walks `world` from each input; returns the states never reached and the contexts seen. */
function walk(world: World): { missing: string[]; contexts: string[]; paths: number } {
  const reached = new Set<string>();
  const contexts: string[] = [];
  let paths = 0;
  for (const input of world.inputs) {
    const found = getShortestPaths(world.machine, {
      input,
      events: (snapshot) => nextEvents(world, snapshot),
      // Secrets serialise as "[redacted]", so the same step with another code is the same state.
      serializeState: (snapshot) => `${JSON.stringify(snapshot.value)}|${JSON.stringify(snapshot.context)}`,
    });
    paths += found.length;
    for (const path of found) {
      for (const state of activePaths(path.state.value)) reached.add(state);
      for (const step of path.steps) contexts.push(JSON.stringify(step.state.context));
    }
  }
  return { missing: statePaths(world.machine.root).filter((state) => !reached.has(state)), contexts, paths };
}

const pool = { userPoolId: 'us-east-1_walk', clientId: 'walk-client' };
const delivery = { destination: 'w***@e***', deliveryMedium: 'EMAIL', attributeName: 'email' };

const worlds: Record<string, World> = {
  signUp: {
    machine: signUpMachine,
    inputs: [pool, { ...pool, username: 'walker', confirmExisting: true }],
    userEvents: [
      { type: 'signUp.submit', username: 'walker', password: secret(PASSWORD), attributes: { email: 'w@e.x' } },
      { type: 'confirm.start', username: 'walker' },
      { type: 'code.submit', code: secret(CODE) },
      { type: 'code.resend' },
      { type: 'signUp.cancel' },
    ],
    outputs: {
      signUp: [
        { userSub: 'sub-1', userConfirmed: false, codeDelivery: delivery, session: secret(TOKEN) },
        { userSub: 'sub-1', userConfirmed: true, codeDelivery: null, session: null },
      ],
      confirmSignUp: [{ session: secret(TOKEN) }],
      resendConfirmationCode: [delivery],
    },
    errors: {
      signUp: [refused('UsernameExistsException')],
      confirmSignUp: [refused('CodeMismatchException')],
      resendConfirmationCode: [refused('LimitExceededException')],
    },
  },
  forgotPassword: {
    machine: forgotPasswordMachine,
    inputs: [pool, { ...pool, username: 'walker', requestCode: true }],
    userEvents: [
      { type: 'username.submit', username: 'walker' },
      { type: 'newPassword.submit', code: secret(CODE), password: secret(PASSWORD) },
      { type: 'code.resend' },
      { type: 'forgotPassword.cancel' },
    ],
    outputs: { forgotPassword: [delivery], confirmForgotPassword: [null] },
    errors: {
      forgotPassword: [refused('LimitExceededException')],
      confirmForgotPassword: [refused('CodeMismatchException')],
    },
  },
  account: {
    machine: accountMachine,
    inputs: [{ ...pool, accessToken: secret(TOKEN) }],
    userEvents: [
      { type: 'password.change', previousPassword: secret(PASSWORD), proposedPassword: secret(PASSWORD) },
      { type: 'attributes.update', attributes: { email: 'new@e.x' } },
      { type: 'attribute.verify', attributeName: 'email' },
      { type: 'code.submit', code: secret(CODE) },
      { type: 'code.resend' },
      { type: 'totp.setUp' },
      { type: 'mfaPreference.set', preference: { totp: 'preferred' } },
      { type: 'devices.list' },
      { type: 'device.forget', deviceKey: 'us-east-1_device' },
      { type: 'passkey.register' },
      { type: 'passkeys.list' },
      { type: 'passkey.delete', credentialId: 'credential-1' },
      { type: 'account.cancel' },
    ],
    outputs: {
      changePassword: [null],
      updateUserAttributes: [[delivery], []],
      verifyUserAttribute: [null],
      getUserAttributeVerificationCode: [delivery],
      associateSoftwareToken: [secret(TOKEN)],
      verifySoftwareToken: [null],
      setUserMFAPreference: [null],
      listDevices: [[]],
      forgetDevice: [null],
      passkeyRegistration: [{ registered: true }, { registered: false, error: { code: 'NotAllowedError' } }],
      listWebAuthnCredentials: [[]],
      deleteWebAuthnCredential: [null],
    },
    errors: {
      changePassword: [refused('NotAuthorizedException')],
      verifyUserAttribute: [refused('CodeMismatchException')],
      verifySoftwareToken: [refused('EnableSoftwareTokenMFAException')],
    },
  },
  passkeyRegistration: {
    machine: passkeyRegistrationMachine,
    inputs: [{ accessToken: secret(TOKEN) }],
    userEvents: [],
    outputs: {
      startWebAuthnRegistration: [secret(OPTIONS)],
      createPasskey: [secret(CREDENTIAL)],
      completeWebAuthnRegistration: [null],
    },
    errors: {
      startWebAuthnRegistration: [refused('WebAuthnNotEnabledException')],
      createPasskey: [Object.assign(new Error('closed'), { name: 'NotAllowedError' })],
      completeWebAuthnRegistration: [refused('WebAuthnRelyingPartyMismatchException')],
    },
  },
  redirect: {
    machine: redirectMachine,
    inputs: [undefined],
    userEvents: [
      { type: 'redirect.start', provider: 'MockIdP' },
      { type: 'redirect.complete', callbackUrl: secret(`https://app.example/cb?code=${CODE}`) },
      { type: 'redirect.reset' },
    ],
    outputs: {
      beginAuthorization: [undefined],
      completeAuthorization: [{ tokens: { idToken: secret(TOKEN) }, claims: { username: 'walker' } }],
    },
    errors: {
      beginAuthorization: [new RedirectFailure(redirectError('DiscoveryFailed'))],
      completeAuthorization: [new RedirectFailure(redirectError('StateMismatch'))],
    },
  },
};

describe('graph walks (@xstate/graph) of the account-side machines', () => {
  it.each(Object.entries(worlds))(
    '%s: every state is reached, and no context on the way holds a secret',
    (_, world) => {
      const { missing, contexts, paths } = walk(world);
      expect(paths).toBeGreaterThan(0);
      expect(missing).toEqual([]);
      for (const context of contexts) for (const value of SECRETS) expect(context).not.toContain(value);
    },
  );
});
