// Driver-adapter factory for the Prisma CLI (migrate deploy / diff), working around two adapter-pg bugs:
// 1. introspection columns of type "char" (OID 18) and name (OID 19) are rejected: report them as text;
// 2. connectToShadowDb ignores the shadow database name with a connectionString: create/drop it ourselves;
// 3. executeScript splits a migration on every ";", also inside a dollar-quoted function body: send it whole (the
//    simple query protocol runs several statements, and PostgreSQL itself knows where they end).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const CHAR_OID = 18;
const NAME_OID = 19;

type QueryResultLike = { fields?: { dataTypeID: number }[] };
type Patchable = { performIO: (query: unknown) => Promise<QueryResultLike | QueryResultLike[]> };

function reportCharAndNameAsText(result: QueryResultLike | QueryResultLike[]) {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of part?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function patchQueryable<T>(queryable: T): T {
  const target = queryable as unknown as Patchable;
  const original = target.performIO.bind(target);
  target.performIO = async (query) => reportCharAndNameAsText(await original(query));
  return queryable;
}

type AdapterLike = {
  startTransaction: (isolation?: unknown) => Promise<unknown>;
  executeScript: (script: string) => Promise<void>;
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
};

function patchAdapter<T>(adapter: T): T {
  patchQueryable(adapter);
  const target = adapter as unknown as AdapterLike;
  target.executeScript = async (script) => {
    try {
      await target.client.query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  const start = target.startTransaction.bind(target);
  target.startTransaction = async (isolation) => patchQueryable(await start(isolation));
  return adapter;
}

function poolConfig(connectionString: string, database?: string): pg.PoolConfig {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: database ?? url.pathname.replace(/^\//, ""),
    allowExitOnIdle: true,
  };
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(poolConfig(connectionString));
  }

  override async connect() {
    return patchAdapter(await super.connect());
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(poolConfig(this.connectionString));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = patchAdapter(await new PrismaPg(poolConfig(this.connectionString, database)).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(poolConfig(this.connectionString));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  }
}

export async function createMigrationAdapter() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the database with `npm run start:demo` or set it.");
  return new MigrationAdapterFactory(url);
}
