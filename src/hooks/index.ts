// Headless React API: the provider, one hook per sign-in step, and the signed-in state.
export {
  SignInProvider,
  SignInContext,
  SessionContext,
  type SignInProviderProps,
  type SignInLogic,
  type SignedInResult,
  type InspectOption,
} from './SignInProvider.tsx';
export { useSignInStep, selectStep, type SignInStep } from './useSignInStep.ts';
export { useCredentialsStep, type CredentialsStep } from './useCredentialsStep.ts';
export { useSmsCodeStep, useTotpCodeStep, useEmailCodeStep, type CodeStep } from './useCodeStep.ts';
export { useSelectMfaStep, type SelectMfaStep } from './useSelectMfaStep.ts';
export { useSelectChallengeStep, type SelectChallengeStep } from './useSelectChallengeStep.ts';
export { useWebAuthnStep, type WebAuthnStep } from './useWebAuthnStep.ts';
export { useMfaSetupStep, type MfaSetupStep } from './useMfaSetupStep.ts';
export { useNewPasswordStep, type NewPasswordStep } from './useNewPasswordStep.ts';
export { useCustomChallengeStep, type CustomChallengeStep } from './useCustomChallengeStep.ts';
export { useRememberDeviceStep, type RememberDeviceStep } from './useRememberDeviceStep.ts';
export { useSessionExpiredStep, type SessionExpiredStep } from './useSessionExpiredStep.ts';
export { useAuth, freshTokens, NotSignedInError, type Auth } from './useAuth.ts';
export { CognitoPortsContext, useCognitoPorts } from './CognitoPortsContext.ts';
export { decodeJwtPayload } from './decodeJwtPayload.ts';
export { totpUri } from './totpUri.ts';
