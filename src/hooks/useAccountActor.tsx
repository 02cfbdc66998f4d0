// The signed-in account actor the account hooks share: one per AccountProvider, fed fresh access tokens by the session actor.
import { createActorContext } from '@xstate/react';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { accountMachine, type AccountEvent } from '../../machines/account.machine.ts';
import { accountActors, type AccountPorts } from '../../machines/accountActors.ts';
import type { StringMap } from '../../machines/index.ts';
import { SessionContext } from './SignInProvider.tsx';
import { freshTokens, NotSignedInError } from './useAuth.ts';

/** The account actor; read it through the account hooks rather than directly. */
export const AccountActorContext = createActorContext(accountMachine);

/** Which account hook started the action in flight (or the last one), so only that hook shows its busy state and error. */
export type AccountAction = 'changePassword' | 'attributes' | 'totp' | 'mfaPreference' | 'devices' | 'passkeys';

interface AccountRunner {
  readonly current: AccountAction | null;
  /** Sends `event` for `action` after handing the actor a fresh access token (REFRESH_TOKEN_AUTH first if due). */
  readonly run: (action: AccountAction, event: AccountEvent) => void;
}

const AccountRunnerContext = createContext<AccountRunner | null>(null);

/** Props of `<AccountProvider>`. */
export interface AccountProviderProps {
  readonly ports: AccountPorts;
  /** Sent as ClientMetadata on UpdateUserAttributes and GetUserAttributeVerificationCode. Not stored, validated or encrypted by Cognito: no secrets. */
  readonly clientMetadata?: StringMap | undefined;
  /** FriendlyDeviceName for VerifySoftwareToken (shown in the user's MFA settings). */
  readonly friendlyDeviceName?: string | undefined;
  readonly children?: ReactNode;
}

/** Starts the account actor for the user signed in to the SignInProvider above; render it only while signed in. */
export function AccountProvider({ ports, clientMetadata, friendlyDeviceName, children }: AccountProviderProps) {
  const session = SessionContext.useActorRef();
  const [logic] = useState(() => accountMachine.provide({ actors: accountActors(ports) }));
  // Read once at start, straight from the session actor: the token stays a Secret and never enters React state.
  const [input] = useState(() => {
    const { signIn, clientId, tokens, claims } = session.getSnapshot().context;
    if (tokens === null) throw new NotSignedInError();
    return {
      userPoolId: signIn.userPoolId,
      clientId,
      accessToken: tokens.accessToken,
      totpLabel: claims?.username ?? '',
      totpIssuer: signIn.totpIssuer ?? signIn.userPoolId,
      ...(clientMetadata === undefined ? {} : { clientMetadata }),
      ...(friendlyDeviceName === undefined ? {} : { friendlyDeviceName }),
    };
  });
  return (
    <AccountActorContext.Provider logic={logic} options={{ input }}>
      <AccountRunnerProvider>{children}</AccountRunnerProvider>
    </AccountActorContext.Provider>
  );
}

function AccountRunnerProvider({ children }: { readonly children?: ReactNode }) {
  const session = SessionContext.useActorRef();
  const account = AccountActorContext.useActorRef();
  const [current, setCurrent] = useState<AccountAction | null>(null);
  const runner = useMemo<AccountRunner>(
    () => ({
      current,
      run: (action, event) => {
        setCurrent(action);
        freshTokens(session).then(
          (tokens) => {
            account.send({ type: 'tokens.update', accessToken: tokens.accessToken });
            account.send(event);
          },
          // Signed out meanwhile: the account screen unmounts with the session, so there is nothing to do.
          () => undefined,
        );
      },
    }),
    [current, session, account],
  );
  return <AccountRunnerContext.Provider value={runner}>{children}</AccountRunnerContext.Provider>;
}

/** The shared runner; throws outside an AccountProvider. */
export function useAccountRunner(): AccountRunner {
  const runner = useContext(AccountRunnerContext);
  if (runner === null) throw new Error('Account hooks need an <AccountProvider> (or <AccountSettings>) above them');
  return runner;
}

/** This action's view of the shared actor: busy and error only when it started the action in flight. */
export function useAccountActionState(action: AccountAction) {
  const { current, run } = useAccountRunner();
  const mine = current === action;
  const busy = AccountActorContext.useSelector((snapshot) => snapshot.hasTag('busy'));
  // The actor runs one action at a time: an open code step of another action blocks this one, not only a request.
  const idle = AccountActorContext.useSelector((snapshot) => snapshot.matches('idle'));
  const error = AccountActorContext.useSelector((snapshot) => snapshot.context.error ?? undefined);
  const lastResult = AccountActorContext.useSelector((snapshot) => snapshot.context.lastResult ?? undefined);
  return {
    mine,
    busy: mine && busy,
    /** Another action is running or waits for a code: this one's buttons wait. */
    blocked: !mine && !idle,
    error: mine ? error : undefined,
    lastResult: mine ? lastResult : undefined,
    send: (event: AccountEvent) => {
      run(action, event);
    },
  };
}
