// The passkeys module's sign-in screens, as one chunk it loads when the first of them renders.
export { PasskeyOffer } from './PasskeyOffer.tsx';
export { PasskeyStep } from './PasskeyStep.tsx';
