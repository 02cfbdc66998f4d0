// The sign-in engine behind <LoginWidget>: the provider (session machine, ports) and every screen. The widget loads
// this module after its first screen has painted, so xstate and the machines are not on the first paint's path.
import { ShellHandoverContext, type ShellHandover } from '../components/ShellHandover.ts';
import { AuthProvider, type AuthProviderProps } from './AuthProvider.tsx';
import { LoginWidgetSteps } from './LoginWidgetSteps.tsx';

/** Props of the engine: the widget's provider props, and what its first screen hands over. */
export interface LoginWidgetEngineProps extends Omit<AuthProviderProps, 'children'> {
  readonly handover: ShellHandover;
}

/** The provider and the screens, taking over from the first screen's form. */
export function LoginWidgetEngine({ handover, ...provider }: LoginWidgetEngineProps) {
  return (
    <ShellHandoverContext value={handover}>
      <AuthProvider {...provider}>
        <LoginWidgetSteps config={provider.config} />
      </AuthProvider>
    </ShellHandoverContext>
  );
}
