// Development SMS centre: an SMPP 3.4 server on loopback that accepts every bind, reassembles concatenated messages,
// stores them in PostgreSQL (schema "devsms", outside Prisma's schema like the mail catcher's) for /admin/sms, and
// answers with delivery receipts. Tests can make it refuse submissions and send messages "from a customer".
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import * as smpp from "smpp";

export const DEV_SMS_TABLE = "devsms.dev_sms";

const CREATE_TABLE = `
  CREATE SCHEMA IF NOT EXISTS devsms;
  CREATE TABLE IF NOT EXISTS devsms.dev_sms (
    id           bigserial PRIMARY KEY,
    message_ids  text[] NOT NULL DEFAULT '{}',
    system_id    text NOT NULL DEFAULT '',
    source       text NOT NULL DEFAULT '',
    destination  text NOT NULL DEFAULT '',
    text         text NOT NULL DEFAULT '',
    encoding     text NOT NULL DEFAULT '',
    segments     int NOT NULL DEFAULT 1,
    status       text NOT NULL DEFAULT 'accepted',
    received_at  timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
  );
  CREATE INDEX IF NOT EXISTS dev_sms_received_at_idx ON devsms.dev_sms (received_at DESC, id DESC);
`;

export type SmsCatcher = {
  port: number;
  smppUrl: string;
  /** The next `count` submit_sm are answered with `status` (default ESME_RTHROTTLED: "try later"). */
  refuseNext(count: number, status?: number): void;
  /** Sends a mobile-originated message (deliver_sm) to a bound receiver/transceiver, as if a customer replied. */
  sendFromCustomer(from: string, text: string): Promise<void>;
  stop(): Promise<void>;
};

type CatcherOptions = {
  port: number;
  databaseUrl: string;
  host?: string;
  fallbackToFreePort?: boolean;
  receipts?: boolean;
};

type Part = { id: string; text: string };
/** A bound session; `unacknowledged` holds the deliver_sm it has not answered yet (re-delivered if it goes away). */
type Bound = { session: smpp.Session; systemId: string; receives: boolean; unacknowledged: Set<smpp.PduOptions> };

export async function startSmsCatcher(options: CatcherOptions): Promise<SmsCatcher> {
  try {
    return await listen(options);
  } catch (error) {
    if (!options.fallbackToFreePort || (error as NodeJS.ErrnoException).code !== "EADDRINUSE" || options.port === 0)
      throw error;
    console.warn(`[sms-catcher] port ${options.port} is in use; using a free port instead`);
    return listen({ ...options, port: 0 });
  }
}

function smppDate(date: Date) {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}`;
}

function decoded(pdu: smpp.PDU): { udh: Buffer | null; text: string } {
  const value = pdu.short_message as { udh?: Buffer[]; message?: unknown } | string | Buffer | undefined;
  if (typeof value === "string") return { udh: null, text: value };
  if (!value || Buffer.isBuffer(value)) return { udh: null, text: value ? value.toString("latin1") : "" };
  const concat = value.udh?.find((header) => header[0] === 0x00 && header[1] === 0x03) ?? null;
  return { udh: concat, text: typeof value.message === "string" ? value.message : "" };
}

async function listen(options: CatcherOptions): Promise<SmsCatcher> {
  const host = options.host ?? "127.0.0.1";
  const sendReceipts = options.receipts ?? true;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, application_name: "skyline-sms-catcher" });
  await pool.query(CREATE_TABLE);
  const bound = new Set<Bound>();
  const pendingParts = new Map<string, Array<Part | undefined>>();
  const undeliveredReceipts: Array<{ systemId: string; options: smpp.PduOptions }> = [];
  let refusals: { count: number; status: number } = { count: 0, status: smpp.ESME_RTHROTTLED };

  function deliver(target: Bound | undefined, systemId: string, pduOptions: smpp.PduOptions) {
    // The submitting session only while it is still bound: a sender that unbinds while the message is being stored
    // would never read its receipt (a real SMSC keeps it for the next receiving bind, as below).
    const usable = (entry: Bound) => entry.receives && bound.has(entry) && !entry.session.socket.destroyed;
    const receiver =
      target && usable(target) ? target : [...bound].find((entry) => usable(entry) && entry.systemId === systemId);
    if (!receiver) {
      undeliveredReceipts.push({ systemId, options: pduOptions });
      return;
    }
    send(receiver, pduOptions);
  }

  // Like a real SMSC, a deliver_sm counts as delivered only once the ESME answers it: a session that unbinds or drops
  // first (a sender closing right after its last submit) leaves it to the next receiving bind of the same system id.
  function send(receiver: Bound, pduOptions: smpp.PduOptions) {
    receiver.unacknowledged.add(pduOptions);
    receiver.session.deliver_sm(pduOptions, () => receiver.unacknowledged.delete(pduOptions));
  }

  function release(entry: Bound | null) {
    if (!entry) return;
    bound.delete(entry);
    const waiting = [...entry.unacknowledged];
    entry.unacknowledged.clear();
    for (const pduOptions of waiting) deliver(undefined, entry.systemId, pduOptions);
  }

  async function store(from: Bound, pdu: smpp.PDU, parts: Part[], encoding: string) {
    const text = parts.map((part) => part.text).join("");
    const ids = parts.map((part) => part.id);
    const now = new Date();
    const rows = await pool.query<{ id: string }>(
      `INSERT INTO ${DEV_SMS_TABLE} (message_ids, system_id, source, destination, text, encoding, segments, status, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        ids,
        from.systemId,
        String(pdu.source_addr ?? ""),
        String(pdu.destination_addr ?? ""),
        text,
        encoding,
        parts.length,
        sendReceipts ? "delivered" : "accepted",
        sendReceipts ? now : null,
      ],
    );
    if (!sendReceipts || !(Number(pdu.registered_delivery) & 0x01)) return rows.rows[0]?.id;
    for (const id of ids) {
      deliver(from, from.systemId, {
        source_addr: String(pdu.destination_addr ?? ""),
        destination_addr: String(pdu.source_addr ?? ""),
        esm_class: 0x04,
        short_message: `id:${id} sub:001 dlvrd:001 submit date:${smppDate(now)} done date:${smppDate(now)} stat:DELIVRD err:000 text:`,
        receipted_message_id: id,
        message_state: 2,
      });
    }
    return rows.rows[0]?.id;
  }

  const server = smpp.createServer({}, (session) => {
    let entry: Bound | null = null;
    const onBind = (receives: boolean, sends: boolean) => (pdu: smpp.PDU) => {
      entry = { session, systemId: String(pdu.system_id ?? ""), receives, unacknowledged: new Set() };
      void sends;
      bound.add(entry);
      session.send(pdu.response({ system_id: "SKYLINE-DEV" }));
      // Receipts that waited for a receiving session.
      for (let index = undeliveredReceipts.length - 1; index >= 0; index--) {
        const waiting = undeliveredReceipts[index];
        if (receives && waiting && waiting.systemId === entry.systemId) {
          undeliveredReceipts.splice(index, 1);
          send(entry, waiting.options);
        }
      }
    };
    session.on("bind_transceiver", onBind(true, true));
    session.on("bind_transmitter", onBind(false, true));
    session.on("bind_receiver", onBind(true, false));
    session.on("enquire_link", (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on("deliver_sm_resp", () => undefined);
    session.on("unbind", (pdu: smpp.PDU) => {
      release(entry);
      session.send(pdu.response());
      session.close();
    });
    session.on("close", () => {
      release(entry);
    });
    session.on("error", () => {
      release(entry);
    });
    session.on("submit_sm", (pdu: smpp.PDU) => {
      const from = entry;
      if (!from) {
        session.send(pdu.response({ command_status: 0x0004 /* ESME_RINVBNDSTS */ }));
        return;
      }
      if (refusals.count > 0) {
        refusals = { ...refusals, count: refusals.count - 1 };
        session.send(pdu.response({ command_status: refusals.status }));
        return;
      }
      const id = randomBytes(5).toString("hex");
      const encoding = Number(pdu.data_coding) === 0x08 ? "ucs2" : "gsm7";
      const { udh, text } = decoded(pdu);
      session.send(pdu.response({ message_id: id }));
      if (!udh) {
        void store(from, pdu, [{ id, text }], encoding).catch((error: unknown) =>
          console.error("[sms-catcher] could not store a message", { error: String(error) }),
        );
        return;
      }
      const [, , reference, total, sequence] = udh;
      const key = `${from.systemId}:${String(pdu.destination_addr)}:${reference}:${total}`;
      const parts = pendingParts.get(key) ?? new Array<Part | undefined>(total ?? 1).fill(undefined);
      parts[(sequence ?? 1) - 1] = { id, text };
      pendingParts.set(key, parts);
      if (parts.every((part) => part !== undefined)) {
        pendingParts.delete(key);
        void store(from, pdu, parts as Part[], encoding).catch((error: unknown) =>
          console.error("[sms-catcher] could not store a message", { error: String(error) }),
        );
      }
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    smppUrl: `smpp://skyline:dev@${host}:${port}?source=10690000`,
    refuseNext(count, status = smpp.ESME_RTHROTTLED) {
      refusals = { count, status };
    },
    async sendFromCustomer(from, text) {
      const receiver = [...bound].find((entry) => entry.receives);
      if (!receiver) throw new Error("no receiver is bound to the SMS catcher");
      await new Promise<void>((resolve) =>
        receiver.session.deliver_sm(
          { source_addr: from, destination_addr: "10690000", esm_class: 0, short_message: text },
          () => resolve(),
        ),
      );
    },
    async stop() {
      for (const entry of bound) entry.session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
