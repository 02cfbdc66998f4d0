// Opt-in modules: what `cognito-xstate/managed-login` and `/passkeys` hand the provider, and the loud failure when a setting needs one.
import type { ComponentType, ReactNode } from 'react';
import type { WebAuthnPort } from '../../machines/ports.ts';
import type { ManagedLoginViews, PasskeyViews } from '../components/WidgetModulesContext.ts';
import type { LoginWidgetConfig, LoginWidgetOAuthConfig } from './config.ts';

/** Props the provider gives the managed-login module's Provider. */
export interface ManagedLoginProviderProps {
  readonly config: LoginWidgetConfig;
  readonly oauth: LoginWidgetOAuthConfig;
  readonly children?: ReactNode;
}

/**
 * Managed login and federation (`config.oauth`), as `import { managedLogin } from 'cognito-xstate/managed-login'`
 * passes it to `<LoginWidget managedLogin={managedLogin}>` or `<AuthProvider>`. Apps that do not pass it carry none
 * of its code (oauth4webapi, the redirect machine), not even as a lazy chunk.
 */
export interface ManagedLoginModule extends ManagedLoginViews {
  /** The entry point the module comes from. */
  readonly module: 'cognito-xstate/managed-login';
  /** Inside the session provider: the redirect seam, the callback page, and `/logout` after a hosted session. */
  readonly Provider: ComponentType<ManagedLoginProviderProps>;
  /** Loads the module's parts; `<LoginWidget>` awaits it with its engine, so the engine's first render never waits. */
  readonly preload: () => Promise<unknown>;
}

/**
 * Passkeys (WebAuthn), as `import { passkeys } from 'cognito-xstate/passkeys'` passes it to
 * `<LoginWidget passkeys={passkeys}>` or `<AuthProvider>`: "Sign in with a passkey", "Create a passkey" and the
 * account's passkey list. Without it the widget offers none of them and carries none of their code.
 */
export interface PasskeysModule extends PasskeyViews {
  /** The entry point the module comes from. */
  readonly module: 'cognito-xstate/passkeys';
  /** The browser's WebAuthn ceremony as the machines' port; its code loads on the first passkey dialog. */
  readonly webAuthn: WebAuthnPort;
}

/** The opt-in modules a provider may be given. */
export interface OptInModules {
  /** `cognito-xstate/managed-login`'s `managedLogin`: needed with `config.oauth`. */
  readonly managedLogin?: ManagedLoginModule | undefined;
  /** `cognito-xstate/passkeys`' `passkeys`: needed for passkeys (`config.passkeys`, and for them in `signInFlow: 'choice'`). */
  readonly passkeys?: PasskeysModule | undefined;
}

/** A config setting needs an opt-in module that was not passed (code `MissingModule`); `module` names the import. */
export class MissingModuleError extends Error {
  readonly code = 'MissingModule';
  /** The config setting that needs the module, e.g. `config.oauth`. */
  readonly setting: string;
  /** The package entry point to import the module from, e.g. `cognito-xstate/managed-login`. */
  readonly module: string;

  constructor(setting: string, module: string, exportName: string) {
    super(
      `${setting} is set, but the ${module} module was not passed: import { ${exportName} } from '${module}' and ` +
        `pass ${exportName}={${exportName}} to <LoginWidget>, <AuthProvider> or mountLoginWidget's options.`,
    );
    this.name = 'MissingModuleError';
    this.setting = setting;
    this.module = module;
  }
}

/** The modules in effect for one provider (the WidgetModulesContext value); null where the setting is off. */
interface ModulesInEffect {
  readonly managedLogin: ManagedLoginModule | null;
  readonly passkeys: PasskeysModule | null;
}

/** The modules in effect for `config`; throws MissingModuleError when a setting needs a module that was not passed. */
export function widgetModules(config: LoginWidgetConfig, given: OptInModules): ModulesInEffect {
  if (config.oauth !== undefined && given.managedLogin === undefined)
    throw new MissingModuleError('config.oauth', 'cognito-xstate/managed-login', 'managedLogin');
  // Choice-based sign-in without the module is a supported setup: it offers the other factors (README, Passkeys).
  const asksForPasskeys = config.passkeys?.enabled === true || config.passkeys?.offerAfterSignIn === true;
  if (asksForPasskeys && given.passkeys === undefined)
    throw new MissingModuleError('config.passkeys', 'cognito-xstate/passkeys', 'passkeys');
  return {
    managedLogin: config.oauth === undefined ? null : (given.managedLogin ?? null),
    passkeys: given.passkeys ?? null,
  };
}
