// The session's calls after sign-in (refresh, device, sign-out): loaded on first use, so a sign-in form paints without them.
import { clockDriftOf, readClaims } from './claims.ts';
import { callCognito, unexpected } from './cognitoCall.ts';
import { CognitoServiceError, toSignInError } from './errors.ts';
import type { SessionPorts } from './ports.ts';
import type { AuthenticationResultType, InitiateAuthRequest, StringMap } from './protocol.ts';
import { secret, type Secret } from './secret.ts';
import type {
  ConfirmNewDeviceInput,
  DeviceCallInput,
  RefreshCall,
  RefreshInput,
  RefreshOutcome,
  SessionTokenCallInput,
  SessionTokens,
} from './session.types.ts';
import type { ConfirmDeviceOutput, TokenSet } from './types.ts';

function nowMs(ports: SessionPorts): number {
  return (ports.now?.() ?? new Date()).getTime();
}

/** A Cognito answer as tokens on the local clock; a refresh without a new RefreshToken keeps the one sent. */
function fromResult(
  ports: SessionPorts,
  result: AuthenticationResultType | undefined,
  sent: Secret<string>,
): { tokens: TokenSet; clockDrift: number } {
  if (result?.AccessToken === undefined || result.IdToken === undefined)
    throw unexpected('AuthenticationResult without tokens');
  const local = nowMs(ports);
  return {
    tokens: {
      idToken: secret(result.IdToken),
      accessToken: secret(result.AccessToken),
      refreshToken: result.RefreshToken === undefined ? sent : secret(result.RefreshToken),
      expiresAt: local + (result.ExpiresIn ?? 3600) * 1000,
    },
    clockDrift: clockDriftOf(result.IdToken, result.AccessToken, local),
  };
}

/** Back ends without GetTokensFromRefreshToken (older emulators, proxies) answer with one of these. */
function isUnknownOperation(thrown: unknown): boolean {
  const error = toSignInError(thrown);
  return (
    error.code === 'UnknownOperationException' ||
    error.code === 'UnsupportedOperationException' ||
    (error.code === 'UnexpectedResponse' && /unknown ?operation|not ?supported/i.test(error.detail ?? ''))
  );
}

/** One refresh request: GetTokensFromRefreshToken (rotation), or InitiateAuth REFRESH_TOKEN_AUTH (legacy). */
async function refreshCall(
  ports: SessionPorts,
  input: RefreshInput,
  call: RefreshCall,
  refreshToken: Secret<string>,
): Promise<AuthenticationResultType | undefined> {
  if (call === 'rotation') {
    const request = {
      ClientId: input.clientId,
      RefreshToken: refreshToken.reveal(),
      ...(ports.cognito.clientSecret === undefined ? {} : { ClientSecret: ports.cognito.clientSecret().reveal() }),
      ...(input.device === null ? {} : { DeviceKey: input.device.deviceKey }),
      ...(input.clientMetadata === null ? {} : { ClientMetadata: input.clientMetadata }),
    };
    return (await callCognito(ports, 'GetTokensFromRefreshToken', request)).AuthenticationResult;
  }
  const parameters: StringMap = { REFRESH_TOKEN: refreshToken.reveal() };
  if (ports.cognito.secretHash) parameters.SECRET_HASH = await ports.cognito.secretHash(input.username);
  if (input.device !== null) parameters.DEVICE_KEY = input.device.deviceKey;
  const request: InitiateAuthRequest = {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: input.clientId,
    AuthParameters: parameters,
    ...(input.clientMetadata === null ? {} : { ClientMetadata: input.clientMetadata }),
  };
  return (await callCognito(ports, 'InitiateAuth', request)).AuthenticationResult;
}

/** One refresh, run under the refresh lock; `load` re-reads the token store. */
export async function refreshSession(
  ports: SessionPorts,
  input: RefreshInput,
  load: (clientId: string) => SessionTokens | null,
): Promise<RefreshOutcome> {
  // Re-read under the lock: another tab may have refreshed (its refresh token is the live one) or signed out.
  const stored = ports.tokens === undefined ? null : load(input.clientId);
  if (ports.tokens !== undefined && stored === null) return { kind: 'signedOut' as const };
  const theirs = stored !== null && stored.tokens.accessToken.reveal() !== input.tokens.accessToken.reveal();
  const due = (stored?.tokens.expiresAt ?? 0) - input.refreshMarginSeconds * 1000 <= nowMs(ports);
  if (stored !== null && theirs && !due) return { kind: 'adopted' as const, ...stored };
  const current = stored ?? {
    username: input.username,
    tokens: input.tokens,
    claims: readClaims(input.tokens.idToken.reveal()),
    device: input.device,
    clockDrift: 0,
  };
  const refreshToken = current.tokens.refreshToken;
  if (refreshToken === null)
    throw new CognitoServiceError({
      code: 'NotAuthorizedException',
      retryable: false,
      detail: 'no refresh token',
    });
  let call: RefreshCall = input.refreshCall ?? (input.refresh === 'legacy' ? 'legacy' : 'rotation');
  let result: AuthenticationResultType | undefined;
  try {
    try {
      result = await refreshCall(ports, { ...input, device: current.device }, call, refreshToken);
    } catch (thrown) {
      // `auto` on a back end without GetTokensFromRefreshToken: the legacy flow, remembered from now on.
      if (input.refresh !== 'auto' || input.refreshCall !== null || !isUnknownOperation(thrown)) throw thrown;
      call = 'legacy';
      result = await refreshCall(ports, { ...input, device: current.device }, call, refreshToken);
    }
  } catch (thrown) {
    // Refused (RefreshTokenReuseException, say) because a tab without the lock rotated the token meanwhile: the
    // session it stored is the live one, so take it rather than clear the store and sign every tab out.
    const latest = ports.tokens === undefined ? null : load(input.clientId);
    if (latest?.tokens.refreshToken != null && latest.tokens.refreshToken.reveal() !== refreshToken.reveal())
      return { kind: 'adopted' as const, ...latest };
    throw thrown;
  }
  const { tokens, clockDrift } = fromResult(ports, result, refreshToken);
  // One write replaces the rotated-out refresh token, before the machine lets go of the old one.
  ports.tokens?.save(input.clientId, { username: current.username, ...tokens, clockDrift });
  return {
    kind: 'refreshed' as const,
    refreshCall: call,
    username: current.username,
    tokens,
    claims: readClaims(tokens.idToken.reveal()),
    device: current.device,
    clockDrift,
  };
}

/** RevokeToken: kills the refresh token and the tokens issued from it. */
export async function revokeToken(ports: SessionPorts, input: SessionTokenCallInput): Promise<null> {
  const refreshToken = input.tokens.refreshToken;
  if (refreshToken === null) return null;
  await callCognito(ports, 'RevokeToken', { Token: refreshToken.reveal(), ClientId: input.clientId });
  return null;
}

/** GlobalSignOut: every token of the user, on every device. */
export async function globalSignOut(ports: SessionPorts, input: SessionTokenCallInput): Promise<null> {
  await callCognito(ports, 'GlobalSignOut', { AccessToken: input.tokens.accessToken.reveal() });
  return null;
}

/** ConfirmDevice with a fresh device verifier for the NewDeviceMetadata that came with the tokens. */
export async function confirmDevice(ports: SessionPorts, input: ConfirmNewDeviceInput): Promise<ConfirmDeviceOutput> {
  const { deviceKey, deviceGroupKey } = input.newDevice;
  const verifier = await ports.srp.createDeviceVerifier({ deviceGroupKey, deviceKey });
  const response = await callCognito(ports, 'ConfirmDevice', {
    AccessToken: input.accessToken.reveal(),
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
    // The official client names a confirmed device after the user agent.
    DeviceName: ports.deviceName ?? 'cognito-xstate',
  });
  return {
    device: { deviceKey, deviceGroupKey, devicePassword: verifier.devicePassword },
    userConfirmationNecessary: response.UserConfirmationNecessary === true,
  };
}

/** Only "yes" costs a request: after ConfirmDevice the device is already not_remembered. */
export async function updateDeviceStatus(ports: SessionPorts, input: DeviceCallInput): Promise<null> {
  await callCognito(ports, 'UpdateDeviceStatus', {
    AccessToken: input.accessToken.reveal(),
    DeviceKey: input.deviceKey,
    DeviceRememberedStatus: 'remembered',
  });
  return null;
}

/** ForgetDevice on this browser's device. */
export async function forgetDevice(ports: SessionPorts, input: DeviceCallInput): Promise<null> {
  await callCognito(ports, 'ForgetDevice', { AccessToken: input.accessToken.reveal(), DeviceKey: input.deviceKey });
  return null;
}
