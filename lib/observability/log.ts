// Structured logs: one JSON object per line (time, level, msg, requestId, fields) on stdout/stderr, for journald or
// any log shipper. The request id comes from the work context (lib/observability/context.ts).
import { workContext } from "@/lib/observability/context";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** One log line as JSON text; pure, for the tests. */
export function logLine(level: Level, msg: string, fields: LogFields = {}, now = new Date()): string {
  const context = workContext.getStore();
  const entry: LogFields = { time: now.toISOString(), level, msg };
  if (context?.requestId) entry.requestId = context.requestId;
  if (context?.job) entry.job = context.job;
  if (context?.jobId) entry.jobId = context.jobId;
  for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value);
  return JSON.stringify(entry);
}

let threshold: Level = "info";

/** Called once at start-up with LOG_LEVEL (lib/env.ts). */
export function setLogLevel(level: Level) {
  threshold = level;
}

function write(level: Level, msg: string, fields?: LogFields) {
  if (ORDER[level] < ORDER[threshold]) return;
  const line = `${logLine(level, msg, fields)}\n`;
  if (ORDER[level] >= ORDER.warn) process.stderr.write(line);
  else process.stdout.write(line);
}

export const logger = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
};
