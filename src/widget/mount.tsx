// Embedding without React in the host app: mount the widget into any element, unmount when done.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LoginWidgetConfig } from './config.ts';
import { LoginWidget, type LoginWidgetProps } from './LoginWidget.tsx';
import { widgetModules } from './modules.ts';

/** Callbacks and strings for {@link mountLoginWidget}. */
export type MountOptions = Omit<LoginWidgetProps, 'config'>;

/** What `mountLoginWidget` returns: `unmount()`. */
export interface MountedLoginWidget {
  /** Removes the widget and stops its sign-in actor. */
  unmount(): void;
}

/** Renders `<LoginWidget>` into `element` (React is bundled by your build or loaded alongside). */
export function mountLoginWidget(
  element: Element,
  config: LoginWidgetConfig,
  options: MountOptions = {},
): MountedLoginWidget {
  // A setting whose module was not passed (config.oauth without managedLogin) throws here, before anything renders.
  widgetModules(config, options);
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <LoginWidget config={config} {...options} />
    </StrictMode>,
  );
  return {
    unmount: () => {
      root.unmount();
    },
  };
}
