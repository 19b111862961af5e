// The one place customer pages render a phone, e-mail or ID number. The value arrives masked (lib/customers/mask.ts
// presentCustomer); holders of pii.view get a reveal button that logs the access (components/privacy/reveal-pii.tsx).
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { RevealPii } from "@/components/privacy/reveal-pii";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import type { PiiField } from "@/lib/privacy/reveal";

export type { PiiField };

type PiiValueProps = {
  customerId: number;
  field: PiiField;
  value: string | null;
  className?: string;
  context?: string;
};

export async function PiiValue({ customerId, field, value, className, context }: PiiValueProps) {
  const [t, user] = await Promise.all([getTranslations("common"), getCurrentUser()]);
  if (!value) return <span className={cn("text-slate-400", className)}>{t("none")}</span>;
  return (
    <span className={cn("tabular-nums", className)} data-pii={field} data-customer-id={customerId}>
      <RevealPii
        customerId={customerId}
        field={field}
        masked={value}
        canReveal={user ? can(user, "pii.view") : false}
        context={context ?? `customer:${customerId}`}
      />
    </span>
  );
}
