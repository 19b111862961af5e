"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <StatusPage
      icon={TriangleAlert}
      tone="danger"
      title={t("errors.genericTitle")}
      description={
        <>
          {t("errors.genericDescription")}
          {error.digest ? <span className="mt-2 block font-mono text-xs text-slate-400">{t("errors.errorCode", { digest: error.digest })}</span> : null}
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
