"use client";
// Field-by-field merge of two customers: pick per field whose value survives, then confirm.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ArrowLeftRight } from "lucide-react";
import { mergeCustomersAction } from "@/lib/customers/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { MERGE_FIELDS, type MergeField, type MergeSide } from "@/lib/customers/merge-fields";

type Pick = "survivor" | "merged";

export function MergeForm({ survivor, merged }: { survivor: MergeSide; merged: MergeSide }) {
  const t = useTranslations("customerMerge");
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  // Default: keep the survivor's value, but take the other record's where the survivor has none.
  const [pick, setPick] = useState<Record<MergeField, Pick>>(
    () =>
      Object.fromEntries(
        MERGE_FIELDS.map((field) => [
          field,
          survivor.values[field] === null && merged.values[field] !== null ? "merged" : "survivor",
        ]),
      ) as Record<MergeField, Pick>,
  );

  function merge() {
    startTransition(async () => {
      const result = await mergeCustomersAction({
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
        pick,
      });
      setOpen(false);
      if (result.ok) {
        toast({ tone: "success", title: t("merged") });
        router.push(`/customers/${result.survivorId}`);
      } else {
        toast({ tone: "error", title: t("failed", { message: result.message }) });
        router.refresh();
      }
    });
  }

  const cell = (field: MergeField, which: Pick, side: MergeSide) => {
    const value = side.values[field];
    const id = `pick-${field}-${which}`;
    return (
      <td className={cn("px-4 py-2.5 align-top", pick[field] === which && "bg-brand-50/60")}>
        <label htmlFor={id} className="flex cursor-pointer items-start gap-2">
          <input
            id={id}
            type="radio"
            name={`pick-${field}`}
            className="mt-1 size-4 accent-brand-600"
            checked={pick[field] === which}
            onChange={() => setPick((current) => ({ ...current, [field]: which }))}
          />
          <span className={cn("text-sm break-all", value === null && "text-slate-400")}>{value ?? t("empty")}</span>
        </label>
      </td>
    );
  };

  return (
    <Card>
      <table className="w-full text-left" data-testid="merge-table">
        <thead className="border-b border-slate-200 text-[13px] text-slate-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t("field")}</th>
            <th className="px-4 py-3 font-medium">
              {t("survivor")} <span className="text-slate-400">#{survivor.id}</span>
            </th>
            <th className="px-4 py-3 font-medium">
              {t("mergedAway")} <span className="text-slate-400">#{merged.id}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {MERGE_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row" className="px-4 py-2.5 align-top text-[13px] font-medium text-slate-600">
                {t(`fields.${field}`)}
              </th>
              {cell(field, "survivor", survivor)}
              {cell(field, "merged", merged)}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-col gap-3 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="text-[13px] text-slate-500">
          <p>{t("tags")}</p>
          <p>{t("moves", { complaints: merged.complaintCount })}</p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" asChild>
            <Link href={`/customers/merge?survivor=${merged.id}&merged=${survivor.id}`}>
              <ArrowLeftRight aria-hidden />
              {t("swap")}
            </Link>
          </Button>
          <Button onClick={() => setOpen(true)} disabled={pending}>
            {t("merge")}
          </Button>
        </div>
      </div>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("confirmTitle", { merged: `#${merged.id}`, survivor: `#${survivor.id}` })}</DialogTitle>
            <DialogDescription>
              {t("confirmDescription", { merged: `#${merged.id}`, survivor: `#${survivor.id}` })}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button onClick={merge} disabled={pending}>
              {pending ? t("merging") : t("confirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
