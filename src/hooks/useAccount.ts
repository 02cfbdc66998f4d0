// Headless account actions for the signed-in user: password, attributes (with verification), TOTP, MFA preference, devices.
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useState } from 'react';
import { accountMachine, type AccountResult } from '../../machines/account.machine.ts';
import { accountActors, type AccountPorts } from '../../machines/accountActors.ts';
import type { CodeDelivery, MfaPreference, RememberedDevice } from '../../machines/accountTypes.ts';
import type { SignInError, StringMap } from '../../machines/index.ts';
import { secret, type Secret } from '../../machines/secret.ts';
import { SignInContext } from './SignInProvider.tsx';
import { NotSignedInError } from './useAuth.ts';

export type AccountStep = 'idle' | 'VerifyUserAttribute' | 'VerifySoftwareToken' | 'working';

export interface AccountOptions {
  readonly ports: AccountPorts;
  /** Sent as ClientMetadata where the API takes it; never put secrets in it. */
  readonly clientMetadata?: StringMap;
}

export interface AccountFlow {
  readonly step: AccountStep;
  readonly busy: boolean;
  readonly error: SignInError | undefined;
  readonly lastResult: AccountResult | undefined;
  readonly codeDelivery: CodeDelivery | undefined;
  readonly attributeName: string | undefined;
  /** AssociateSoftwareToken's secret while enrolling (still a Secret: reveal it only into the QR code / key text). */
  readonly totpSecret: Secret<string> | undefined;
  readonly devices: readonly RememberedDevice[];
  readonly changePassword: (previousPassword: string, proposedPassword: string) => void;
  readonly updateAttributes: (attributes: StringMap) => void;
  readonly verifyAttribute: (attributeName: string) => void;
  readonly submitCode: (code: string) => void;
  readonly resendCode: () => void;
  readonly setUpTotp: () => void;
  readonly setMfaPreference: (preference: MfaPreference) => void;
  readonly listDevices: () => void;
  readonly forgetDevice: (deviceKey: string) => void;
  readonly cancel: () => void;
}

/**
 * Runs one account actor for the signed-in user of the SignInProvider above; keeps its access token current.
 * @deprecated Use `<AccountSettings>` or the per-action hooks inside `AccountProvider` (`useChangePassword`,
 * `useUpdateUserAttributes`, `useVerifyUserAttribute`, `useTotpEnrolment`, `useMfaPreference`,
 * `useRememberedDevices`); this all-in-one hook will be removed before 1.0.
 */
export function useAccount({ ports, clientMetadata }: AccountOptions): AccountFlow {
  const signIn = SignInContext.useActorRef();
  const accessToken = SignInContext.useSelector((snapshot) => snapshot.context.tokens?.accessToken);
  const claims = SignInContext.useSelector((snapshot) => snapshot.context.claims);
  const [logic] = useState(() => accountMachine.provide({ actors: accountActors(ports) }));
  const actorRef = useActorRef(logic, {
    input: (() => {
      const token = signIn.getSnapshot().context.tokens?.accessToken;
      if (token === undefined) throw new NotSignedInError();
      const { userPoolId, clientId } = signIn.getSnapshot().context;
      return {
        userPoolId,
        clientId,
        accessToken: token,
        totpLabel: claims?.username ?? '',
        ...(clientMetadata === undefined ? {} : { clientMetadata }),
      };
    })(),
  });
  // A refreshed access token replaces the old one for the next call.
  useEffect(() => {
    if (accessToken !== undefined) actorRef.send({ type: 'tokens.update', accessToken });
  }, [actorRef, accessToken]);
  const step = useSelector(actorRef, (snapshot): AccountStep =>
    snapshot.matches('idle')
      ? 'idle'
      : snapshot.matches('VerifyUserAttribute')
        ? 'VerifyUserAttribute'
        : snapshot.matches('VerifySoftwareToken')
          ? 'VerifySoftwareToken'
          : 'working',
  );
  const busy = useSelector(actorRef, (snapshot) => snapshot.hasTag('busy'));
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error ?? undefined);
  const lastResult = useSelector(actorRef, (snapshot) => snapshot.context.lastResult ?? undefined);
  const codeDelivery = useSelector(actorRef, (snapshot) => snapshot.context.codeDelivery ?? undefined);
  const attributeName = useSelector(actorRef, (snapshot) => snapshot.context.attributeName ?? undefined);
  const totpSecret = useSelector(actorRef, (snapshot) => snapshot.context.totpSecret ?? undefined);
  const devices = useSelector(actorRef, (snapshot) => snapshot.context.devices);
  return {
    step,
    busy,
    error,
    lastResult,
    codeDelivery,
    attributeName,
    totpSecret,
    devices,
    changePassword: (previousPassword, proposedPassword) => {
      actorRef.send({
        type: 'password.change',
        previousPassword: secret(previousPassword),
        proposedPassword: secret(proposedPassword),
      });
    },
    updateAttributes: (attributes) => {
      actorRef.send({ type: 'attributes.update', attributes });
    },
    verifyAttribute: (name) => {
      actorRef.send({ type: 'attribute.verify', attributeName: name });
    },
    submitCode: (code) => {
      actorRef.send({ type: 'code.submit', code: secret(code) });
    },
    resendCode: () => {
      actorRef.send({ type: 'code.resend' });
    },
    setUpTotp: () => {
      actorRef.send({ type: 'totp.setUp' });
    },
    setMfaPreference: (preference) => {
      actorRef.send({ type: 'mfaPreference.set', preference });
    },
    listDevices: () => {
      actorRef.send({ type: 'devices.list' });
    },
    forgetDevice: (deviceKey) => {
      actorRef.send({ type: 'device.forget', deviceKey });
    },
    cancel: () => {
      actorRef.send({ type: 'account.cancel' });
    },
  };
}
