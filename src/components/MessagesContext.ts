// React context carrying the widget's string dictionary, so integrators can translate or reword any text.
import { createContext, useContext } from 'react';
import { englishMessages, type Messages } from '../messages.ts';

/** The dictionary the widget's components read; defaults to English. */
export const MessagesContext = createContext<Messages>(englishMessages);

/** The current string dictionary. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
