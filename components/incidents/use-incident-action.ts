"use client";
// Runs an incident server action: toast on success, field errors and conflict/other messages otherwise, then refresh.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors, Result } from "@/lib/errors";

export function useIncidentAction() {
  const t = useTranslations("incidents");
  const router = useRouter();
  const { toast } = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run<T extends Result<object>>(call: () => Promise<T>, success: string, onOk?: (result: Extract<T, { ok: true }>) => void) {
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setErrors({});
        setMessage(null);
        toast({ tone: "success", title: success });
        onOk?.(result as Extract<T, { ok: true }>);
        router.refresh();
        return;
      }
      setErrors(result.fields ?? {});
      const busy = result.error === "conflict" && result.details && "runId" in result.details;
      setMessage(busy ? t("errors.busy") : result.error === "conflict" ? t("errors.conflict") : result.fields?._?.[0] === "nothing_to_do" ? t("errors.nothing_to_do") : result.fields ? null : t("errors.failed"));
    });
  }
  return { run, errors, message, pending };
}
