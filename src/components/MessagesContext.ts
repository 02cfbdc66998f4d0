// React context carrying the widget's string dictionary, so integrators can translate or reword any text.
import { createContext, useContext } from 'react';
import { englishWidgetMessages, withAccountMessages, type Messages, type WidgetMessages } from '../messages.ts';

/** The dictionary the widget's components read; defaults to English. Account-screen strings are only overrides here. */
export const MessagesContext = createContext<WidgetMessages>(englishWidgetMessages);

/** The current string dictionary. */
export function useMessages(): WidgetMessages {
  return useContext(MessagesContext);
}

/** The current dictionary with the account screen's English defaults under it, for the account screen's components. */
export function useAccountMessages(): Messages {
  return withAccountMessages(useContext(MessagesContext));
}
