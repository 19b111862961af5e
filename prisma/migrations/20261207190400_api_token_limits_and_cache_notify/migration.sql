-- Issue 20, target 4: every API token has its own request limit per minute (default 600, the former fixed limit;
-- bounds 1–100,000 checked by lib/api-tokens/schema.ts: a CHECK constraint makes Prisma 6.19's diff engine panic).
ALTER TABLE "api_tokens" ADD COLUMN "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600;

-- Issue 20, target 1: app instances keep rarely-changing rows in memory (lib/reference/cache.ts) and drop them when
-- another instance, a script or psql changes them: every write to these tables notifies channel "skyline_cache"
-- with the table's name, once per statement, in the writing transaction (delivered on commit, never on rollback).
CREATE OR REPLACE FUNCTION skyline_notify_cache() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('skyline_cache', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['channels', 'severities', 'categories', 'touchpoints', 'teams', 'settings',
                           'webhooks', 'sla_policies', 'sla_targets', 'business_calendars', 'calendar_holidays', 'customer_tiers']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION skyline_notify_cache()',
                   t || '_notify_cache', t);
  END LOOP;
END;
$$;

-- Tokens and users change often in columns no cache holds (lastUsedAt, sign-in times): notify only on what matters.
CREATE TRIGGER "api_tokens_notify_cache" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "name", "prefix", "tokenHash", "permissions", "createdById", "expiresAt", "revokedAt", "rateLimitPerMinute"
  ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION skyline_notify_cache();
CREATE TRIGGER "users_notify_cache" AFTER DELETE OR TRUNCATE OR UPDATE OF "active"
  ON "users" FOR EACH STATEMENT EXECUTE FUNCTION skyline_notify_cache();
