// One HTTP scenario under autocannon: a fixed number of connections for a fixed time, every response timed.
import autocannon, { type Request } from "autocannon";
import { summarize, type Stats } from "./measure";

export type HttpScenario = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A new path and body per request (random complaint, random customer …). */
  next: () => { path: string; body?: string; headers?: Record<string, string> };
  /** Status codes that count as success (default: 2xx). */
  ok?: (status: number) => boolean;
};

export function runHttp(baseUrl: string, scenario: HttpScenario, connections: number, seconds: number): Promise<Stats> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const ok = scenario.ok ?? ((status: number) => status >= 200 && status < 300);
  const request: Request = {
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    setupRequest: (current) => {
      const { path, body, headers } = scenario.next();
      return {
        ...current,
        path,
        ...(body === undefined ? {} : { body }),
        ...(headers ? { headers: { ...scenario.headers, ...headers } } : {}),
      };
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections, duration: seconds, timeout: 30, requests: [request] },
      (error, result) => {
        if (error) return reject(error);
        resolve(summarize(latencies, result.duration, errors + result.errors + result.timeouts, statuses));
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (ok(statusCode)) latencies.push(responseTime);
      else errors += 1;
    });
  });
}
