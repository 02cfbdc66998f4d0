// The outbox: every code the emulator "sent" by SMS or email, readable by tests, never printed.

/** One message the emulator would have sent (SMS or email), with its code. */
export interface Message {
  readonly poolId: string;
  readonly username: string;
  readonly channel: 'SMS' | 'EMAIL';
  readonly destination: string;
  readonly code: string;
  readonly message: string;
  readonly sentAt: string;
}

export interface Outbox {
  readonly messages: readonly Message[];
  send(message: Message): void;
  clear(): void;
}

export function createOutbox(): Outbox {
  const messages: Message[] = [];
  return {
    messages,
    send(message) {
      messages.push(message);
    },
    clear() {
      messages.length = 0;
    },
  };
}

/** `+*******0100`: Cognito shows only the last four digits of a phone number. */
export function maskPhone(phone: string): string {
  return `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`;
}

/** `e***@e***`: first letter of the local part and of the domain. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}
