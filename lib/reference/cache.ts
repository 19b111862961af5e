// In-process caches of rarely-changing rows (API tokens, reference data), dropped on every instance when any of them,
// a script or psql changes the underlying tables: statement triggers notify channel "skyline_cache" with the table's
// name (migration 20261207190400), and each process LISTENs on one connection of its own. While that connection is
// not established (starting, or lost), caches are bypassed rather than trusted, so a change can never be missed.
import pg from "pg";
import { env } from "@/lib/env";

export const CACHE_CHANNEL = "skyline_cache";

type Invalidate = () => void;

/** One LISTEN connection and the caches that depend on it. Tests make several to play several app instances. */
export class CacheHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private listening = false;
  private readonly subscribers = new Map<string, Set<Invalidate>>();
  private closed = false;

  constructor(private readonly connectionString: () => string) {}

  /** True once LISTEN is in place; starts connecting (in the background) when it is not. */
  ready(): boolean {
    if (!this.listening && !this.connecting && !this.closed)
      this.connecting = this.connect().finally(() => (this.connecting = null));
    return this.listening;
  }

  /** Resolves when LISTEN is in place (or connecting failed; then caches stay bypassed). */
  async whenReady(): Promise<boolean> {
    this.ready();
    await this.connecting;
    return this.listening;
  }

  subscribe(tables: readonly string[], invalidate: Invalidate): void {
    for (const table of tables) {
      let set = this.subscribers.get(table);
      if (!set) this.subscribers.set(table, (set = new Set()));
      set.add(invalidate);
    }
  }

  /** Drops what depends on `table` in this process (the writer's own instance calls it right after commit). */
  invalidate(table: string): void {
    for (const invalidate of this.subscribers.get(table) ?? []) invalidate();
  }

  private invalidateAll(): void {
    for (const set of this.subscribers.values()) for (const invalidate of set) invalidate();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString(), connectionTimeoutMillis: 2_000 });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      this.invalidateAll(); // changes made while nobody listened would be missed: start from the database again
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel === CACHE_CHANNEL && message.payload) this.invalidate(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.invalidateAll(); // anything cached before LISTEN may have changed unseen
      this.listening = true;
    } catch {
      await client.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = null;
    this.listening = false;
    this.invalidateAll();
    await client?.end().catch(() => undefined);
  }
}

/**
 * A keyed cache of values loaded from tables that notify: get(key) returns the cached value while the hub listens and
 * the entry is younger than `ttlMs` (a safety net, not the invalidation), else loads it. A load that overlaps an
 * invalidation is returned but not kept.
 */
export class ReferenceCache<K, V> {
  private readonly entries = new Map<K, { value: V; loadedAt: number }>();
  private generation = 0;

  constructor(
    private readonly hub: CacheHub,
    tables: readonly string[],
    private readonly options: { ttlMs: number; maxEntries?: number },
  ) {
    hub.subscribe(tables, () => this.clear());
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  async get(key: K, load: () => Promise<V>, now = Date.now()): Promise<V> {
    if (!this.hub.ready()) return load();
    const hit = this.entries.get(key);
    if (hit && now - hit.loadedAt < this.options.ttlMs) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && this.hub.ready()) {
      if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.clear();
      this.entries.set(key, { value, loadedAt: now });
    }
    return value;
  }
}

// One hub per process (kept on globalThis so dev hot reloads do not open new connections), connecting on first use.
const globalForHub = globalThis as unknown as { skylineCacheHub?: CacheHub };

export function cacheHub(): CacheHub {
  globalForHub.skylineCacheHub ??= new CacheHub(() => env().DATABASE_URL);
  return globalForHub.skylineCacheHub;
}
