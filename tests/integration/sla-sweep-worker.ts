// A separate job-worker process for tests/integration/sla-concurrency.test.ts: its own Node process, Prisma client and
// connection pool, like a second app instance. Talks to the test over IPC: "ready" once connected, runs the sweep on
// "go", and in "hang" mode stops inside its open batch transaction after N clocks, waiting to be killed (SIGKILL).
import { db } from "@/lib/db";
import { processDueClocks } from "@/lib/sla/sweeper";

const [mode = "race", nowIso = new Date().toISOString(), hangAfterText = "0"] = process.argv.slice(2);
const hangAfter = Number(hangAfterText);

function send(message: unknown) {
  process.send?.(message);
}

async function run() {
  try {
    const result = await processDueClocks({
      now: new Date(nowIso),
      batchSize: 50,
      onClockProcessed:
        mode === "hang"
          ? async ({ processed }) => {
              if (processed < hangAfter) return;
              send({ type: "hanging", processed });
              await new Promise(() => undefined); // never resolves: the test kills this process here
            }
          : undefined,
    });
    send({ type: "done", result });
  } catch (error) {
    send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  } finally {
    await db.$disconnect();
    process.disconnect?.();
  }
}

// No top-level await: the test runs this file through tsx as CommonJS.
void db.$queryRaw`SELECT 1`.then(() => {
  process.once("message", () => void run());
  send({ type: "ready" });
});
