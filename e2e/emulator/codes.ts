// Verification codes for sign-up, password reset and attributes: issue (via the custom message trigger), check.
import { deliverCode, newCode, type CodeDeliveryDetails, type Context } from './context.ts';
import { CognitoError } from './errors.ts';
import type { Pool, UserRecord } from './store.ts';
import { triggerAttributes } from './authResult.ts';

/** Cognito lets a code be sent this many times before LimitExceededException. */
const SEND_LIMIT = 5;
/** Wrong guesses per code before TooManyFailedAttemptsException. */
const GUESS_LIMIT = 5;

export type CodePurpose = 'signUp' | 'forgotPassword' | `attribute:${string}`;

export interface IssueOptions {
  purpose: CodePurpose;
  channel: 'SMS' | 'EMAIL';
  /** CustomMessage_<source>. */
  source:
    'SignUp' | 'ResendCode' | 'ForgotPassword' | 'UpdateUserAttribute' | 'VerifyUserAttribute' | 'AdminCreateUser';
  clientId: string;
  clientMetadata?: Record<string, string> | undefined;
  ttlMs: number;
  /** Text with `{####}` where the code goes. */
  template: string;
}

/** Sends a fresh code (replacing any earlier one for the same purpose) and returns the masked delivery details. */
export async function issueCode(
  ctx: Context,
  pool: Pool,
  user: UserRecord,
  options: IssueOptions,
): Promise<CodeDeliveryDetails> {
  const previous = user.codes[options.purpose];
  const sends = (previous?.sends ?? 0) + 1;
  if (sends > SEND_LIMIT)
    throw new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  const code = newCode();
  const custom = await ctx.triggers.run({
    pool,
    name: 'CustomMessage',
    triggerSource: `CustomMessage_${options.source}`,
    clientId: options.clientId,
    userName: user.username,
    request: {
      userAttributes: triggerAttributes(user),
      codeParameter: '{####}',
      usernameParameter: null,
      linkParameter: null,
    },
    clientMetadata: options.clientMetadata,
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  });
  const override = options.channel === 'SMS' ? custom?.smsMessage : custom?.emailMessage;
  // The pool's verification message serves sign-up, attribute verification and password reset codes alike.
  const messages = pool.settings.messages;
  const poolTemplate =
    options.channel === 'SMS'
      ? (messages?.VerificationMessageTemplate?.SmsMessage ?? messages?.SmsVerificationMessage)
      : (messages?.VerificationMessageTemplate?.EmailMessage ?? messages?.EmailVerificationMessage);
  const template =
    typeof override === 'string' && override.includes('{####}') ? override : (poolTemplate ?? options.template);
  const delivery = deliverCode(ctx, pool, user, options.channel, code, template.replaceAll('{####}', code));
  user.codes[options.purpose] = {
    code,
    expiresAt: ctx.clock.now() + options.ttlMs,
    attempts: 0,
    sends,
  };
  pool.changed();
  return delivery;
}

/** Checks and consumes a code: CodeMismatchException, ExpiredCodeException, TooManyFailedAttemptsException. */
export function consumeCode(ctx: Context, pool: Pool, user: UserRecord, purpose: CodePurpose, code: string): void {
  const record = user.codes[purpose];
  if (!record || record.expiresAt <= ctx.clock.now()) {
    throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
  }
  if (record.attempts >= GUESS_LIMIT) {
    throw new CognitoError('TooManyFailedAttemptsException', 'Too many failed attempts.');
  }
  if (record.code !== code) {
    record.attempts += 1;
    pool.changed();
    throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
  Reflect.deleteProperty(user.codes, purpose);
  pool.changed();
}

/** Where a sign-up code goes: the email, else the phone, each only where AutoVerifiedAttributes lists it. */
export function codeChannel(pool: Pool, user: UserRecord): 'SMS' | 'EMAIL' | undefined {
  const auto = pool.settings.autoVerifiedAttributes;
  if (user.attributes.email && auto.includes('email')) return 'EMAIL';
  if (user.attributes.phone_number && auto.includes('phone_number')) return 'SMS';
  return undefined;
}
