// The "working" status a step shows while the machine starts or a step's code is still loading.
import { useMessages } from './MessagesContext.ts';

export function StepLoading() {
  const messages = useMessages();
  return (
    <p className="cx-status" role="status">
      {messages.working}
    </p>
  );
}
