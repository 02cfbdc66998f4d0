// Every string the widget shows, in one overridable dictionary (English built in), and error code -> user text.

/** The MFA methods a user can pick or be asked for, as Cognito names them. */
export type MfaMethod = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

// Cognito's own `message` never reaches the screen: it is English-only, changes without notice and, for
// UserNotFoundException, would tell a stranger which accounts exist.
const wrongCredentials = 'Incorrect username or password.';

/** The English strings of everything <LoginWidget> renders. Functions take the values they interpolate. */
export const englishWidgetMessages = {
  title: 'Sign in',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  /** The credentials step's button under `passwordless` (USER_AUTH with SMS_OTP, or EMAIL_OTP). */
  textMeACode: 'Text me a sign-in code',
  emailMeACode: 'Email me a sign-in code',
  working: 'Please wait…',
  cancel: 'Cancel',
  verify: 'Verify',
  verifying: 'Verifying…',
  continue: 'Continue',
  code: 'Code',
  codeSent: (medium: 'SMS' | 'EMAIL', destination: string | undefined): string =>
    destination === undefined
      ? `We sent a code by ${medium === 'SMS' ? 'text message' : 'email'}.`
      : `We sent a code to ${destination}.`,
  smsTitle: 'Enter the code from your text message',
  emailTitle: 'Enter the code from your email',
  totpTitle: 'Enter the code from your authenticator app',
  totpHint: 'Open your authenticator app and enter the 6-digit code it shows.',
  selectMfaTitle: 'Choose how to verify it’s you',
  mfaMethods: {
    SMS_MFA: 'Text message (SMS)',
    SOFTWARE_TOKEN_MFA: 'Authenticator app',
    EMAIL_OTP: 'Email',
  } satisfies Record<MfaMethod, string>,
  chooseFactorTitle: 'Choose how to sign in',
  factors: {
    WEB_AUTHN: 'Sign in with a passkey',
    EMAIL_OTP: 'Email me a code',
    SMS_OTP: 'Text me a code',
  },
  usePassword: 'Use my password',
  passkeyTitle: 'Sign in with your passkey',
  passkeyWaiting: 'Follow your browser’s prompt to use your passkey.',
  passkeyRetry: 'Try the passkey again',
  /** "Create a passkey" after sign-in (config.passkeys.offerAfterSignIn) and on the account screen. */
  createPasskey: 'Create a passkey',
  passkeyOfferTitle: 'Sign in faster next time',
  passkeyOfferIntro: 'Next time, sign in with your fingerprint, face or screen lock instead of a password.',
  creatingPasskey: 'Follow your browser’s prompt to create your passkey…',
  passkeyCreated: 'Your passkey is ready. Next time, choose “Sign in with a passkey”.',
  notNow: 'Not now',
  mfaSetupTitle: 'Set up an authenticator app',
  mfaSetupScan: 'Scan this QR code with your authenticator app, then enter the code it shows.',
  mfaSetupQrAlt: 'QR code to add this account to an authenticator app',
  mfaSetupManual: 'Can’t scan it? Enter this key in the app:',
  mfaSetupOpenApp: 'Open in an authenticator app on this device',
  mfaSetupLoading: 'Preparing your authenticator key…',
  newPasswordTitle: 'Choose a new password',
  newPasswordIntro: 'You need to set a new password before you can sign in.',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
  passwordsDiffer: 'The passwords don’t match.',
  setPassword: 'Set password',
  /** Labels for user attributes a new-password step may require; unknown names are shown as they are. */
  attributes: {
    name: 'Full name',
    given_name: 'First name',
    family_name: 'Last name',
    email: 'Email',
    phone_number: 'Phone number',
    birthdate: 'Date of birth',
    address: 'Address',
    gender: 'Gender',
    locale: 'Locale',
    nickname: 'Nickname',
    preferred_username: 'Preferred username',
    zoneinfo: 'Time zone',
    website: 'Website',
    picture: 'Picture URL',
    profile: 'Profile URL',
    middle_name: 'Middle name',
  } as Readonly<Partial<Record<string, string>>>,
  customChallengeTitle: 'One more step',
  customChallengeAnswer: 'Answer',
  rememberDeviceTitle: 'Remember this device?',
  rememberDeviceIntro: 'If you remember this device, you won’t need a verification code here next time.',
  rememberDevice: 'Remember this device',
  dontRememberDevice: 'Not now',
  sessionExpiredTitle: 'Your sign-in timed out',
  sessionExpiredIntro: 'For your security, sign-in steps expire after a few minutes. Please start again.',
  startAgain: 'Start again',
  continueWith: 'Continue with {provider}',
  signInOnHostedPage: 'Sign in on the hosted page',
  federatedFailed: 'Sign-in with that provider did not complete. Please try again.',
  signedInTitle: 'You’re signed in',
  signedInAs: (name: string): string => `Signed in as ${name}.`,
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  forgetThisDevice: 'Forget this device',
  forgettingThisDevice: 'Forgetting this device…',
  thisDeviceForgotten: 'This device is forgotten: the next sign-in here asks for a verification code again.',
  // Account flows: sign-up, confirmation, password reset.
  createAccount: 'Create account',
  creatingAccount: 'Creating account…',
  forgotPassword: 'Forgot password?',
  backToSignIn: 'Back to sign in',
  signUpTitle: 'Create an account',
  passwordRequirements: 'Your password needs:',
  passwordRule: (rule: 'length' | 'lowercase' | 'uppercase' | 'numbers' | 'symbols', minimumLength: number): string =>
    rule === 'length'
      ? `At least ${String(minimumLength)} characters`
      : rule === 'lowercase'
        ? 'A lower-case letter'
        : rule === 'uppercase'
          ? 'An upper-case letter'
          : rule === 'numbers'
            ? 'A number'
            : 'A symbol, such as ! or @',
  passwordRuleMet: 'done',
  passwordRuleMissing: (rule: string): string => `The password is missing: ${rule}.`,
  confirmSignUpTitle: 'Confirm your account',
  resendCode: 'Send a new code',
  codeResent: 'We sent a new code.',
  forgotPasswordTitle: 'Reset your password',
  forgotPasswordIntro: 'Enter your username and we’ll send you a code to reset your password.',
  sendCode: 'Send code',
  sendingCode: 'Sending code…',
  resetPasswordTitle: 'Choose a new password',
  resetPassword: 'Reset password',
  passwordResetDone: 'Your password has been reset. Sign in with your new password.',
  accountConfirmed: 'Your account is confirmed. Signing you in…',
  /** User text per error code; NotAuthorizedException and UserNotFoundException share one text on purpose. */
  errors: {
    NotAuthorizedException: wrongCredentials,
    UserNotFoundException: wrongCredentials,
    UserNotConfirmedException: 'Your account isn’t confirmed yet. Check your email or phone for a confirmation code.',
    PasswordResetRequiredException: 'You need to reset your password before you can sign in.',
    CodeMismatchException: 'That code isn’t right. Check it and try again.',
    ExpiredCodeException: 'That code has expired or was already used.',
    EnableSoftwareTokenMFAException: 'That code isn’t right. Check the time on your device and try again.',
    InvalidPasswordException: 'That password doesn’t meet the requirements. Try a longer or more varied one.',
    InvalidParameterException: 'Some of the details aren’t valid. Check them and try again.',
    LimitExceededException: 'Too many attempts. Wait a while, then try again.',
    TooManyRequestsException: 'Too many attempts. Wait a while, then try again.',
    TooManyFailedAttemptsException: 'Too many failed attempts. Wait a while, then try again.',
    CodeDeliveryFailureException: 'We couldn’t send you a code. Try again later.',
    SoftwareTokenMFANotFoundException: 'No authenticator app is set up for this account.',
    MFAMethodNotFoundException: 'This verification method isn’t set up for this account.',
    UserLambdaValidationException: 'Sign-in was refused. Contact support if this keeps happening.',
    ResourceNotFoundException: 'Sign-in isn’t configured correctly for this site.',
    InternalErrorException: 'The sign-in service had a problem. Try again in a moment.',
    NetworkError: 'Can’t reach the sign-in service. Check your connection and try again.',
    UnexpectedResponse: 'Something went wrong. Please try again.',
    UnsupportedChallenge: 'This account needs a sign-in step this site doesn’t support.',
    SessionExpired: 'Your sign-in timed out. Please start again.',
    UsernameExistsException: 'An account with this username already exists. Sign in, or choose another username.',
    AliasExistsException: 'This email or phone number already belongs to another account.',
    NotAllowedError: 'The passkey request was cancelled or timed out. Try again, or choose another way to sign in.',
    WebAuthnUnavailable: 'This browser can’t use passkeys here. Choose another way to sign in.',
    WebAuthnNotEnabledException: 'Passkeys aren’t turned on for this site. Choose another way to sign in.',
    WebAuthnConfigurationMissingException: 'Passkeys aren’t set up for this site yet. Choose another way to sign in.',
    WebAuthnChallengeNotFoundException: 'That passkey request expired. Please start again.',
    WebAuthnOriginNotAllowedException: 'Passkeys for this account can’t be used on this site.',
    WebAuthnRelyingPartyMismatchException: 'That passkey belongs to another site.',
    WebAuthnCredentialNotSupportedException: 'This kind of passkey isn’t supported. Try another device or method.',
    InvalidStateError: 'This device already has a passkey for your account.',
    WebAuthnClientMismatchException: 'Passkeys can’t be used with this app. Choose another way to sign in.',
    FeatureUnavailableInTierException: 'Passkeys aren’t available for this site. Choose another way to sign in.',
  } as Readonly<Partial<Record<string, string>>>,
  unknownError: 'Something went wrong. Please try again.',
};

/**
 * The English strings of the signed-in account screen (<AccountSettings>), which <LoginWidget> does not render: kept
 * apart so the widget's bundle does not carry them. Overrides still go in the one dictionary.
 */
const englishAccountMessages = {
  accountTitle: 'Your account',
  changePasswordTitle: 'Change password',
  currentPassword: 'Current password',
  changePassword: 'Change password',
  passwordChanged: 'Your password has been changed.',
  setUpAuthenticator: 'Set up an authenticator app',
  authenticatorEnabled: 'Your authenticator app is set up.',
  devicesTitle: 'Remembered devices',
  showDevices: 'Show remembered devices',
  noDevices: 'No remembered devices.',
  forgetDevice: (name: string): string => `Forget ${name}`,
  deviceForgotten: 'The device was forgotten.',
  confirmNewPassword: 'Confirm new password',
  changingPassword: 'Changing password…',
  contactTitle: 'Contact details',
  contactIntro: 'A new email address or phone number needs a code we send to it before it can be used.',
  saveContact: 'Save contact details',
  saving: 'Saving…',
  contactUnchanged: 'Change the email address or phone number first.',
  contactSaved: 'Your contact details are saved.',
  attributeVerified: 'Verified.',
  phoneHint: 'In international format, such as +15555550123.',
  mfaTitle: 'Two-step verification',
  mfaPreferenceLegend: 'Ask me for a code by',
  mfaOff: 'Don’t ask for a code',
  savePreference: 'Save preference',
  mfaPreferenceSaved: 'Your two-step verification preference is saved.',
  thisDevice: '(this browser)',
  deviceLastUsed: (when: string): string => `Last used ${when}`,
  unnamedDevice: 'Unnamed device',
  passkeysTitle: 'Passkeys',
  showPasskeys: 'Show passkeys',
  noPasskeys: 'No passkeys yet.',
  passkeyCreatedOn: (when: string): string => `Created ${when}`,
  deletePasskey: (name: string): string => `Delete ${name}`,
  deletingPasskey: 'Deleting the passkey…',
  passkeyDeleted: 'The passkey was deleted.',
};

/** Every English string: the widget's and the account screen's. (Marked pure so a bundle that never reads it drops it.) */
export const englishMessages = /* @__PURE__ */ Object.assign({}, englishWidgetMessages, englishAccountMessages);

/** The dictionary's shape: override any subset with {@link mergeMessages}. */
export type Messages = typeof englishMessages;

/** A partial dictionary: top-level strings and functions, and any subset of the nested maps. */
export type MessageOverrides = {
  readonly [K in keyof Messages]?: Messages[K] extends string | ((...args: never[]) => string)
    ? Messages[K]
    : Partial<Messages[K]>;
};

/** What the widget's components read: its strings, plus any account-screen overrides the host passed. */
export type WidgetMessages = typeof englishWidgetMessages & Partial<typeof englishAccountMessages>;

/** The English dictionary with the given overrides laid over it (nested maps are merged key by key). */
export function mergeMessages(overrides: MessageOverrides = {}): Messages {
  return withAccountMessages(mergeWidgetMessages(overrides));
}

/** The widget's English strings with the given overrides laid over it; account-screen defaults are left out. */
export function mergeWidgetMessages(overrides: MessageOverrides = {}): WidgetMessages {
  return {
    ...englishWidgetMessages,
    ...overrides,
    mfaMethods: { ...englishWidgetMessages.mfaMethods, ...overrides.mfaMethods },
    factors: { ...englishWidgetMessages.factors, ...overrides.factors },
    attributes: { ...englishWidgetMessages.attributes, ...overrides.attributes },
    errors: { ...englishWidgetMessages.errors, ...overrides.errors },
  };
}

/** The account screen's English strings under a widget dictionary, whose overrides win. */
export function withAccountMessages(messages: WidgetMessages): Messages {
  return { ...englishAccountMessages, ...messages };
}

/** The text to show for an error code; codes without an entry get the generic text, never Cognito's message. */
export function errorText(messages: Pick<Messages, 'errors' | 'unknownError'>, code: string): string {
  return messages.errors[code] ?? messages.unknownError;
}

/** The label for a user attribute name, e.g. `name` -> "Full name"; unknown names are shown as they are. */
export function attributeLabel(messages: Pick<Messages, 'attributes'>, name: string): string {
  return messages.attributes[name] ?? name;
}
