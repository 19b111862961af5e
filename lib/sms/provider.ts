// What the SMS sender needs from a provider (SMPP or an HTTPS gateway), and how providers report failures.

export type OutgoingSms = { id: number; to: string; text: string };
export type SmsSendResult = { providerMessageIds: string[] };

/** Something the provider told us: a delivery receipt for a message we sent, or a message from a customer. */
export type IncomingSms =
  | { kind: "receipt"; messageId: string; status: string; at: Date }
  | { kind: "message"; from: string; text: string; at: Date };

export type IncomingSmsHandler = (incoming: IncomingSms) => void;

/**
 * permanent: the provider refused this message for good (bad number, bad content): retrying cannot help.
 * transient: refused for now (throttled, queue full, provider error): retry later with back-off.
 * connection: the provider cannot be reached: every other message would fail the same way.
 */
export type SmsFailureKind = "permanent" | "transient" | "connection";

export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly failure: SmsFailureKind,
  ) {
    super(message);
    this.name = "SmsProviderError";
  }
}

export type SmsProvider = {
  readonly name: "smpp" | "http";
  send(sms: OutgoingSms): Promise<SmsSendResult>;
  /** Receipts and customer messages that arrive on this provider's connection while it is open (SMPP transceiver). */
  onIncoming(handler: IncomingSmsHandler): void;
  /** Connects (and binds) now rather than on the first send: the SMPP receiver waiting for receipts uses it. */
  open(): Promise<void>;
  /** Whether a connection is open or opening (false after the provider dropped it). */
  isOpen(): boolean;
  close(): Promise<void>;
};

export function failureKindOf(error: unknown): SmsFailureKind {
  return error instanceof SmsProviderError ? error.failure : "connection";
}

/** The parts of an SMPP delivery receipt text ("id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:…"). */
export function parseReceiptText(text: string): { messageId: string; status: string } | null {
  const id = /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const status = /(?:^|\s)stat:(\S+)/i.exec(text)?.[1];
  return id && status ? { messageId: id, status: status.toUpperCase() } : null;
}
