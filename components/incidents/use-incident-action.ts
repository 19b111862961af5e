"use client";
// Runs an incident server action: toast on success, field errors and conflict/other messages otherwise, then refresh.
// A refusal of the whole request (fields._ or the status) is shown as its sentence, e.g. "write the review first".
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors, Result } from "@/lib/errors";

export function useIncidentAction() {
  const t = useTranslations("incidents");
  const tRoles = useTranslations("roles");
  const router = useRouter();
  const { toast } = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run<T extends Result<object>>(
    call: () => Promise<T>,
    success: string,
    onOk?: (result: Extract<T, { ok: true }>) => void,
  ) {
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
      // A refusal about the whole request (fields._, or the status for closing) is said as a sentence.
      const general = result.fields?._?.[0] ?? result.fields?.status?.[0];
      const role =
        result.details && typeof result.details.requiredRole === "string" ? result.details.requiredRole : null;
      const generalKey = `errors.${general}` as const;
      setMessage(
        busy
          ? t("errors.busy")
          : result.error === "conflict"
            ? t("errors.conflict")
            : general === "above_limit"
              ? role
                ? t("errors.above_limit_role", { role: tRoles(role as "manager") })
                : t("errors.above_limit")
              : general && t.has(generalKey as "errors.failed")
                ? t(generalKey as "errors.failed")
                : result.fields
                  ? null
                  : t("errors.failed"),
      );
    });
  }
  return { run, errors, message, pending };
}
