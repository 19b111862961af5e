"use client";
// Small client controls of the webhook pages: redeliver one delivery, and the private-network setting.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { redeliverAction, setAllowPrivateNetworksAction } from "@/lib/webhooks/actions";

export function RedeliverButton({ deliveryId }: { deliveryId: number }) {
  const t = useTranslations("adminWebhooks");
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await redeliverAction(deliveryId);
          toast(
            result.ok ? { tone: "success", title: t("redelivered") } : { tone: "error", title: t("errors.failed") },
          );
        })
      }
    >
      {t("redeliver")}
    </Button>
  );
}

export function PrivateNetworkToggle({ allowed }: { allowed: boolean }) {
  const t = useTranslations("adminWebhooks");
  const { toast } = useToast();
  const [value, setValue] = useState(allowed);
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        className="focus-ring mt-0.5 size-4 accent-brand-600"
        checked={value}
        disabled={pending}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          // Shown at once; put back if the save fails.
          setValue(next);
          startTransition(async () => {
            const result = await setAllowPrivateNetworksAction(next);
            if (!result.ok) {
              setValue(!next);
              toast({ tone: "error", title: t("errors.failed") });
            }
          });
        }}
      />
      <span>
        <span className="font-medium text-slate-800">{t("privateNetworks.label")}</span>
        <span className="block text-xs text-slate-500">{t("privateNetworks.hint")}</span>
      </span>
    </label>
  );
}
