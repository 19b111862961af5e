"use client";
// An agent records the customer's wish to get no more SMS (or to get them again); the consent change is logged.
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { setSmsOptOutAction } from "@/lib/sms/actions";

export function SmsOptOutButton({ customerId, optedOut }: { customerId: number; optedOut: boolean }) {
  const t = useTranslations("customerContact");
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await setSmsOptOutAction(customerId, !optedOut);
      if (result.ok) {
        toast({ tone: "success", title: optedOut ? t("optedIn") : t("optedOutSaved") });
        router.refresh();
      } else toast({ tone: "error", title: t("failed") });
    });
  return (
    <Button size="sm" variant="secondary" onClick={toggle} disabled={pending} data-testid="sms-opt-out-toggle">
      {optedOut ? t("optIn") : t("optOut")}
    </Button>
  );
}
