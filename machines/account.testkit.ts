// Test kit for the account machines: a scripted CognitoPort recording every request it receives.
import { CognitoServiceError, type CognitoErrorCode } from './errors.ts';
import type { CognitoPort } from './ports.ts';
import type { Operation, Operations } from './protocol.ts';

type AccountOperation =
  | 'SignUp'
  | 'ConfirmSignUp'
  | 'ResendConfirmationCode'
  | 'ForgotPassword'
  | 'ConfirmForgotPassword'
  | 'ChangePassword'
  | 'UpdateUserAttributes'
  | 'VerifyUserAttribute'
  | 'GetUserAttributeVerificationCode'
  | 'SetUserMFAPreference'
  | 'ListDevices'
  | 'AssociateSoftwareToken'
  | 'VerifySoftwareToken'
  | 'ForgetDevice';

/** The operation name with a lower-case first letter, as the scripts name it (`SignUp` → `signUp`). */
type Method = Uncapitalize<AccountOperation>;

/** A Cognito failure as the transport throws it. */
export function cognitoFailure(code: CognitoErrorCode, detail?: string): CognitoServiceError {
  return new CognitoServiceError(
    detail === undefined ? { code, retryable: false } : { code, retryable: false, detail },
  );
}

export type Script = { [K in AccountOperation as Uncapitalize<K>]?: (Operations[K]['response'] | Error)[] };

/** Answers each operation from its script, in order ({} when the script is empty); an Error in the script is thrown. */
export function scriptedPort(script: Script) {
  const requests: { operation: Method; request: unknown }[] = [];
  const port: CognitoPort = {
    async call(operation: Operation, request: unknown) {
      const method = (operation.charAt(0).toLowerCase() + operation.slice(1)) as Method;
      requests.push({ operation: method, request });
      await Promise.resolve();
      const next: unknown = script[method]?.shift() ?? {};
      if (next instanceof Error) throw next;
      // The script is typed per operation above; here one function serves every operation.
      return next as never;
    },
  };
  return { port, requests, operations: () => requests.map((entry) => entry.operation) };
}
