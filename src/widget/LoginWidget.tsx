// The drop-in login widget: its first screen (the credentials form) paints at once, with no xstate and no machine;
// the sign-in engine (LoginWidgetEngine.tsx) loads on the user's first move and takes over the same form.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
} from 'react';
import { flushSync } from 'react-dom';
import { MessagesContext } from '../components/MessagesContext.ts';
import { createShellHandover } from '../components/ShellHandover.ts';
import { StepLoading } from '../components/StepLoading.tsx';
import { mergeWidgetMessages } from '../messages.ts';
import type { AuthProviderProps } from './AuthProvider.tsx';
import { compositionGate, type CompositionGate } from './compositionGate.ts';
import { firstMoves, onFirstMove } from './firstMove.ts';
import { firstScreen, type FirstScreen } from './firstScreen.ts';
import { fieldValue, readFocus, restoreFocus, type FocusedElement } from './formHandover.ts';
import { widgetModules } from './modules.ts';
import type { LoginWidgetEngineProps } from './LoginWidgetEngine.tsx';
import { ShellSignIn } from './ShellSignIn.tsx';

/** Props of `<LoginWidget>`. */
export interface LoginWidgetProps extends Omit<AuthProviderProps, 'children'> {
  /** Extra class names on the root element (which always has `cx-widget`). */
  readonly className?: string | undefined;
}

const loadEngine = () => import('./LoginWidgetEngine.tsx');

const subscribeNothing = () => () => undefined;
const onClient = () => true;
const onServer = () => false;

/** `<LoginWidget config={{ userPoolId, clientId }} onSignedIn={…} />`: every sign-in step, themed by `--cx-*`. */
export function LoginWidget({ className, ...provider }: LoginWidgetProps) {
  const { config, messages, ports } = provider;
  // A setting whose opt-in module was not passed throws MissingModuleError here, at first render, not once the
  // engine loads.
  const [modules] = useState(() => widgetModules(config, provider));
  const dictionary = useMemo(() => mergeWidgetMessages(messages), [messages]);
  // Server render and hydration show "Please wait…" (storage is the browser's); the client then paints its own pick.
  const hydrated = useSyncExternalStore(subscribeNothing, onClient, onServer);
  const [screen] = useState<FirstScreen>(() =>
    typeof window === 'undefined'
      ? 'wait'
      : firstScreen(config, ports === undefined ? config.tokenStore : ports.tokens),
  );
  const [handover] = useState(createShellHandover);
  const [engine, setEngine] = useState<ComponentType<LoginWidgetEngineProps> | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const focused = useRef<FocusedElement | null>(null);
  const requested = useRef(false);
  const mounted = useRef(false);
  const composition = useRef<CompositionGate | null>(null);
  useEffect(() => {
    mounted.current = true;
    const gate = root.current === null ? null : compositionGate(root.current);
    composition.current = gate;
    return () => {
      mounted.current = false;
      gate?.stop();
    };
  }, []);
  const requestEngine = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    setLoadFailed(false);
    // Managed login's parts load with the engine, so the engine's first render has them and never shows "Please wait…".
    Promise.all([loadEngine(), modules.managedLogin?.preload()]).then(
      ([module]) => {
        // Read the form and swap in the engine in one synchronous step, so no keystroke falls in between.
        const takeOver = () => {
          if (!mounted.current) return;
          const form = root.current;
          if (form?.querySelector('form') != null) {
            handover.keepFields({ username: fieldValue(form, 'username'), password: fieldValue(form, 'password') });
            focused.current = readFocus(form);
          }
          flushSync(() => {
            setEngine(() => module.LoginWidgetEngine);
          });
        };
        if (composition.current === null) takeOver();
        else composition.current.run(takeOver);
      },
      () => {
        requested.current = false;
        // The submit is not kept for a retry: its password goes, and the user is told to try again.
        handover.release();
        if (mounted.current) setLoadFailed(true);
      },
    );
  }, [handover, modules]);
  useEffect(() => {
    if (engine !== null) return undefined;
    // "Please wait…" (a stored session, a store that cannot say, managed login): the engine is needed now.
    if (screen === 'wait') {
      requestEngine();
      return undefined;
    }
    // The form needs nothing until the user moves: the engine loads while they type, not during the first paint. A
    // pointer coming over the widget counts too, so a password manager's fill and a click find it (nearly) loaded.
    const widget = root.current;
    const stop = () => {
      stopDocument();
      widget?.removeEventListener('pointerover', moved);
    };
    function moved() {
      handover.noteMove();
      stop();
      requestEngine();
    }
    // The moves that start the SRP worker, and a click (a link activated without a pointer or a key).
    const stopDocument = onFirstMove(moved, [...firstMoves, 'click']);
    widget?.addEventListener('pointerover', moved);
    return stop;
  }, [engine, screen, handover, requestEngine]);
  // The engine's form is the first screen's twin: focus and caret go back where they were. It has read the fields
  // and a pending submit while rendering, so from here on no password is held outside it.
  useLayoutEffect(() => {
    if (engine === null) return;
    handover.release();
    const handed = focused.current;
    focused.current = null;
    if (handed !== null && root.current !== null) restoreFocus(root.current, handed);
  }, [engine, handover]);
  const Engine = engine;
  return (
    <MessagesContext value={dictionary}>
      <div ref={root} className={className === undefined ? 'cx-widget' : `cx-widget ${className}`}>
        {Engine !== null ? (
          <Engine {...provider} handover={handover} />
        ) : hydrated && screen === 'form' ? (
          <ShellSignIn config={config} handover={handover} requestEngine={requestEngine} loadFailed={loadFailed} />
        ) : (
          <StepLoading />
        )}
      </div>
    </MessagesContext>
  );
}
