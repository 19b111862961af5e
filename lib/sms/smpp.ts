// SMPP 3.4 adapter over the `smpp` package: binds as transceiver (or transmitter), sends each part with submit_sm
// (GSM 7-bit or UCS-2, concatenated parts with a UDH), and reports deliver_sm (receipts, customer replies).
import * as smpp from "smpp";
import { concatenationUdh, layoutSms, ucs2Bytes } from "@/lib/sms/segments";
import {
  parseReceiptText,
  SmsProviderError,
  type IncomingSms,
  type IncomingSmsHandler,
  type OutgoingSms,
  type SmsProvider,
} from "@/lib/sms/provider";

const TIMEOUT_MS = 10_000;
const ESM_UDHI = 0x40;
const ESM_RECEIPT_MASK = 0x3c; // message type bits: 0x04 = MC delivery receipt
const RETRYABLE_STATUSES = new Set([
  smpp.ESME_RTHROTTLED,
  smpp.ESME_RMSGQFUL,
  smpp.ESME_RSYSERR,
  0x0064 /* ESME_RX_T_APPN */,
  0x0045 /* ESME_RSUBMITFAIL */,
]);

export type SmppConfig = {
  host: string;
  port: number;
  systemId: string;
  password: string;
  source: string;
  mode: "transceiver" | "transmitter" | "receiver";
  systemType: string;
};

export function parseSmppUrl(value: string): SmppConfig {
  const url = new URL(value);
  const mode = url.searchParams.get("bind") ?? "transceiver";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 2775,
    systemId: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    source: url.searchParams.get("source") ?? "Skyline",
    mode: mode === "transmitter" || mode === "receiver" ? mode : "transceiver",
    systemType: url.searchParams.get("system_type") ?? "",
  };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SmsProviderError(`SMPP ${what} timed out`, "connection")), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Reads a deliver_sm: a delivery receipt (esm_class 0x04, or receipted_message_id) or a mobile-originated message. */
export function incomingFromPdu(pdu: smpp.PDU, now = new Date()): IncomingSms | null {
  const raw = pdu.short_message as { message?: unknown } | Buffer | string | undefined;
  const payload = pdu.message_payload as { message?: unknown } | undefined;
  const messageOf = (value: typeof raw | typeof payload) =>
    typeof value === "string"
      ? value
      : value && !Buffer.isBuffer(value) && typeof value.message === "string"
        ? value.message
        : "";
  const text = messageOf(raw) || messageOf(payload);
  const isReceipt =
    ((Number(pdu.esm_class) || 0) & ESM_RECEIPT_MASK) === 0x04 || typeof pdu.receipted_message_id === "string";
  if (isReceipt) {
    const parsed = parseReceiptText(text);
    const messageId =
      typeof pdu.receipted_message_id === "string" && pdu.receipted_message_id
        ? pdu.receipted_message_id
        : parsed?.messageId;
    if (!messageId) return null;
    return { kind: "receipt", messageId, status: parsed?.status ?? "UNKNOWN", at: now };
  }
  const from = typeof pdu.source_addr === "string" ? pdu.source_addr : "";
  return from ? { kind: "message", from, text, at: now } : null;
}

type BoundSession = { session: smpp.Session; closed: boolean };

export function createSmppProvider(config: SmppConfig): SmsProvider {
  let bound: Promise<BoundSession> | null = null;
  const handlers: IncomingSmsHandler[] = [];
  let reference = Math.floor(Math.random() * 256);

  function bind(): Promise<BoundSession> {
    return withTimeout(
      new Promise<BoundSession>((resolve, reject) => {
        const session = smpp.connect({ host: config.host, port: config.port });
        const state: BoundSession = { session, closed: false };
        session.on("error", (error: Error) => {
          state.closed = true;
          reject(new SmsProviderError(`SMPP connection failed: ${error.message}`, "connection"));
        });
        session.on("close", () => {
          state.closed = true;
          bound = null;
        });
        session.on("deliver_sm", (pdu: smpp.PDU) => {
          session.send(pdu.response());
          const incoming = incomingFromPdu(pdu);
          if (incoming) for (const handler of handlers) handler(incoming);
        });
        session.on("enquire_link", (pdu: smpp.PDU) => session.send(pdu.response()));
        session.on("unbind", (pdu: smpp.PDU) => {
          session.send(pdu.response());
          session.close();
        });
        session.on("connect", () => {
          const bindOptions = {
            system_id: config.systemId,
            password: config.password,
            system_type: config.systemType,
            interface_version: 0x34,
          };
          const onBound = (response: smpp.PDU) => {
            if (response.command_status === smpp.ESME_ROK) resolve(state);
            else {
              session.destroy();
              reject(new SmsProviderError(`SMPP bind refused (status ${response.command_status})`, "connection"));
            }
          };
          if (config.mode === "transmitter") session.bind_transmitter(bindOptions, onBound);
          else if (config.mode === "receiver") session.bind_receiver(bindOptions, onBound);
          else session.bind_transceiver(bindOptions, onBound);
        });
      }),
      "bind",
    );
  }

  async function session(): Promise<smpp.Session> {
    if (!bound) {
      bound = bind();
      bound.catch(() => {
        bound = null;
      });
    }
    const state = await bound;
    if (state.closed) {
      bound = null;
      return session();
    }
    return state.session;
  }

  function submit(target: smpp.Session, options: smpp.PduOptions): Promise<string> {
    return withTimeout(
      new Promise<string>((resolve, reject) => {
        const written = target.submit_sm(options, (response) => {
          if (response.command_status === smpp.ESME_ROK) resolve(String(response.message_id ?? ""));
          else {
            const kind = RETRYABLE_STATUSES.has(response.command_status) ? "transient" : "permanent";
            reject(
              new SmsProviderError(
                `SMPP submit_sm refused (status 0x${response.command_status.toString(16).padStart(4, "0")})`,
                kind,
              ),
            );
          }
        });
        if (!written) reject(new SmsProviderError("SMPP connection is closed", "connection"));
      }),
      "submit_sm",
    );
  }

  return {
    name: "smpp",
    async send(sms: OutgoingSms) {
      if (config.mode === "receiver") throw new SmsProviderError("SMS_URL binds as receiver: cannot send", "permanent");
      const target = await session();
      const layout = layoutSms(sms.text);
      const dataCoding = layout.encoding === "ucs2" ? 0x08 : 0x00;
      const encode = (part: string) =>
        layout.encoding === "ucs2" ? ucs2Bytes(part) : smpp.encodings.ASCII.encode(part);
      // Taken into a constant: several messages are in flight at once (the sender's window) and must not share one.
      reference = (reference + 1) & 0xff;
      const messageReference = reference;
      const ids: string[] = [];
      for (const [index, part] of layout.parts.entries()) {
        const concatenated = layout.parts.length > 1;
        const body = encode(part);
        ids.push(
          await submit(target, {
            source_addr_ton: /^\d+$/.test(config.source) ? 1 : 5,
            source_addr_npi: /^\d+$/.test(config.source) ? 1 : 0,
            source_addr: config.source,
            dest_addr_ton: 1,
            dest_addr_npi: 1,
            destination_addr: sms.to,
            registered_delivery: 1,
            data_coding: dataCoding,
            esm_class: concatenated ? ESM_UDHI : 0,
            short_message: concatenated
              ? Buffer.concat([concatenationUdh(messageReference, layout.parts.length, index + 1), body])
              : body,
          }),
        );
      }
      return { providerMessageIds: ids };
    },
    onIncoming(handler) {
      handlers.push(handler);
    },
    async open() {
      await session();
    },
    isOpen() {
      return bound !== null;
    },
    async close() {
      const pending = bound;
      bound = null;
      if (!pending) return;
      const state = await pending.catch(() => null);
      if (!state || state.closed) return;
      await withTimeout(
        new Promise<void>((resolve) => {
          const sent = state.session.unbind(() => state.session.close(() => resolve()));
          if (!sent) resolve();
        }),
        "unbind",
      ).catch(() => state.session.destroy());
    },
  };
}
