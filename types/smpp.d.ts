// The parts of the `smpp` package (node-smpp 0.5, no bundled types) that lib/sms and the dev catcher use.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer } from "node:net";

  export type PduOptions = Record<string, unknown>;

  export class PDU {
    constructor(command: string, options?: PduOptions);
    command: string;
    command_status: number;
    sequence_number: number;
    isResponse(): boolean;
    response(options?: PduOptions): PDU;
    [field: string]: unknown;
  }

  export class Session extends EventEmitter {
    socket: import("node:net").Socket;
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver(options: PduOptions, callback?: (pdu: PDU) => void): boolean;
    bind_transmitter(options: PduOptions, callback?: (pdu: PDU) => void): boolean;
    bind_receiver(options: PduOptions, callback?: (pdu: PDU) => void): boolean;
    submit_sm(options: PduOptions, callback?: (pdu: PDU) => void): boolean;
    deliver_sm(options: PduOptions, callback?: (pdu: PDU) => void): boolean;
    unbind(options?: PduOptions | ((pdu: PDU) => void), callback?: (pdu: PDU) => void): boolean;
    enquire_link(options?: PduOptions | ((pdu: PDU) => void), callback?: (pdu: PDU) => void): boolean;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export function connect(
    options: { host?: string; port?: number; url?: string; auto_enquire_link_period?: number; connectTimeout?: number },
    listener?: () => void,
  ): Session;
  export function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
  export function createServer(listener?: (session: Session) => void): Server;

  export const encodings: { ASCII: { encode(value: string): Buffer; decode(value: Buffer): string } };
  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RTHROTTLED: number;
  export const ESME_RSYSERR: number;
  export const ESME_RINVDSTADR: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RSUBMITFAIL: number;
  export const ESME_RMSGQFUL: number;
}
