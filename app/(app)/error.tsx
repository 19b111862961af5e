"use client";

import { CloudOff, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

const RETRY_SECONDS = 5;

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  // The page may have failed because the database went away just now (before the app knew, so proxy.ts did not
  // answer 503 yet): ask the health check, and if the database is down, say so and reload by ourselves.
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let reload: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: controller.signal })
      .then((response) => {
        if (response.status !== 503) return;
        setDatabaseDown(true);
        reload = setTimeout(() => window.location.reload(), RETRY_SECONDS * 1000);
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      clearTimeout(reload);
    };
  }, [error]);

  if (databaseDown) {
    return (
      <StatusPage
        icon={CloudOff}
        title={t("outage.title")}
        description={
          <>
            {t("outage.description")}
            <span role="status" className="mt-2 block">
              {t("outage.retrying", { seconds: RETRY_SECONDS })}
            </span>
          </>
        }
        actions={<Button onClick={() => window.location.reload()}>{t("outage.retryNow")}</Button>}
      />
    );
  }
  return (
    <StatusPage
      icon={TriangleAlert}
      tone="danger"
      title={t("errors.genericTitle")}
      description={
        <>
          {t("errors.genericDescription")}
          {error.digest ? (
            <span className="mt-2 block font-mono text-xs text-slate-400">
              {t("errors.errorCode", { digest: error.digest })}
            </span>
          ) : null}
        </>
      }
      actions={
        <>
          <Button onClick={reset}>{t("common.retry")}</Button>
          <Button asChild variant="secondary">
            <Link href="/">{t("common.backHome")}</Link>
          </Button>
        </>
      }
    />
  );
}
