// What <LoginWidget>'s first screen hands its engine when the engine takes over: what was typed, a submit, a link or
// a "Continue with …" button chosen meanwhile. One object per widget, held in a closure (never stored, logged or put in React state).
import { createContext, use } from 'react';

/** Username and password, as typed in the first screen's form. */
interface TypedCredentials {
  readonly username: string;
  readonly password: string;
}

/** A link on the first screen that needs the engine. */
export type ShellIntent = 'signUp' | 'forgotPassword';

/** The first screen's state at take-over; the engine reads it once and then forgets the password. */
export interface ShellHandover {
  /**
   * The form's values when the engine took over, until the engine's form has taken them; null when the first screen
   * was "Please wait…". While set, the engine shows its own form at once, even while it looks for a stored session.
   */
  readonly fields: () => TypedCredentials | null;
  /** Credentials submitted before the engine loaded, or null. */
  readonly pending: () => TypedCredentials | null;
  /** Whether the user has typed, pointed or filled a field (the SRP worker can start at once). */
  readonly moved: () => boolean;
  readonly noteMove: () => void;
  readonly keepFields: (fields: TypedCredentials) => void;
  readonly submit: (credentials: TypedCredentials) => void;
  readonly choose: (intent: ShellIntent) => void;
  /** The link chosen meanwhile, once. */
  readonly takeIntent: () => ShellIntent | null;
  /** A "Continue with …" button pressed meanwhile: its provider, null for the managed login page. */
  readonly chooseProvider: (provider: string | null) => void;
  /** The button pressed meanwhile, once. */
  readonly takeProvider: () => { readonly provider: string | null } | null;
  /** Drops every password held here (once the engine's form has taken them). */
  readonly release: () => void;
}

/** A fresh handover, empty until the first screen's form is read. */
export function createShellHandover(): ShellHandover {
  let fields: TypedCredentials | null = null;
  let pending: TypedCredentials | null = null;
  let intent: ShellIntent | null = null;
  let chosenProvider: { readonly provider: string | null } | null = null;
  let moved = false;
  return {
    fields: () => fields,
    pending: () => pending,
    moved: () => moved,
    noteMove: () => {
      moved = true;
    },
    keepFields: (typed) => {
      fields = typed;
    },
    submit: (credentials) => {
      pending = credentials;
    },
    choose: (chosen) => {
      intent = chosen;
    },
    takeIntent: () => {
      const chosen = intent;
      intent = null;
      return chosen;
    },
    chooseProvider: (provider) => {
      chosenProvider = { provider };
    },
    takeProvider: () => {
      const chosen = chosenProvider;
      chosenProvider = null;
      return chosen;
    },
    release: () => {
      pending = null;
      fields = null;
    },
  };
}

/** Set by <LoginWidget> around its engine; null for headless use (`<AuthProvider>` + `<SignIn>`). */
export const ShellHandoverContext = createContext<ShellHandover | null>(null);

/** The first screen's handover, when this sign-in UI took over from one. */
export function useShellHandover(): ShellHandover | null {
  return use(ShellHandoverContext);
}
