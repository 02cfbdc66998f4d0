// Every screen after the first, in one chunk loaded on demand: the credentials form paints without them.
export {
  ChooseFactorView,
  CustomChallengeView,
  PasskeyView,
  EmailView,
  MfaSetupView,
  NewPasswordView,
  RememberDeviceView,
  SelectMfaView,
  SessionExpiredView,
  SignedInView,
  SmsView,
  TotpView,
} from './SignInStepViews.tsx';
export { ForgotPassword } from './ForgotPassword.tsx';
export { SignUp } from './SignUp.tsx';
