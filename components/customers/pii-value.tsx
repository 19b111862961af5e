// The one place customer pages render a phone, e-mail or ID number. The value arrives already masked or clear
// (lib/customers/mask.ts presentCustomer); a "reveal" control for masked values can be added here alone.
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type PiiField = "phone" | "email" | "idNumber";

type PiiValueProps = { customerId: number; field: PiiField; value: string | null; className?: string };

export function PiiValue({ customerId, field, value, className }: PiiValueProps) {
  const t = useTranslations("common");
  if (!value) return <span className={cn("text-slate-400", className)}>{t("none")}</span>;
  return (
    <span className={cn("tabular-nums", className)} data-pii={field} data-customer-id={customerId}>
      {value}
    </span>
  );
}
