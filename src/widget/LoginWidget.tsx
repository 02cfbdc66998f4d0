// The drop-in login widget: the provider, the step forms, and the theme's root class.
import { SignIn } from '../components/SignIn.tsx';
import { AuthProvider, type AuthProviderProps } from './AuthProvider.tsx';

export interface LoginWidgetProps extends Omit<AuthProviderProps, 'children'> {
  /** Extra class names on the root element (which always has `cx-widget`). */
  readonly className?: string | undefined;
}

/** `<LoginWidget config={{ userPoolId, clientId }} onSignedIn={…} />`: every sign-in step, themed by `--cx-*`. */
export function LoginWidget({ className, ...provider }: LoginWidgetProps) {
  return (
    <AuthProvider {...provider}>
      <div className={className === undefined ? 'cx-widget' : `cx-widget ${className}`}>
        <SignIn />
      </div>
    </AuthProvider>
  );
}
