"use client";
// The complaints an improvement action addresses: add by reference (several at once), remove one.
import Link from "next/link";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { linkComplaintsAction, unlinkComplaintAction } from "@/lib/improvements/actions";

type Linked = { id: number; reference: string; subject: string; status: string; createdAt: string };

export function LinkedComplaints({
  actionId,
  complaints,
  canEdit,
  statusLabels,
}: {
  actionId: number;
  complaints: Linked[];
  canEdit: boolean;
  statusLabels: Record<string, string>;
}) {
  const t = useTranslations("improvements");
  const { toast } = useToast();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const references = String(new FormData(formElement).get("references") ?? "")
      .split(/[\s,;]+/)
      .filter(Boolean);
    startTransition(async () => {
      const result = await linkComplaintsAction(actionId, { references });
      if (result.ok) {
        setError(null);
        formElement.reset();
        toast({ tone: "success", title: t("linked", { count: result.linked }) });
        return;
      }
      const code = result.fields?.references?.[0];
      setError(
        code?.startsWith("unknown:")
          ? t("errors.unknownReferences", { references: code.slice(8) })
          : code === "required"
            ? t("errors.referenceRequired")
            : t("errors.failed"),
      );
    });
  }

  function remove(complaintId: number) {
    startTransition(async () => {
      const result = await unlinkComplaintAction(actionId, complaintId);
      if (!result.ok) toast({ tone: "error", title: t("errors.failed") });
    });
  }

  return (
    <div>
      {complaints.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{t("noComplaints")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="linked-complaints">
          {complaints.map((complaint) => (
            <li key={complaint.id} className="flex items-center gap-3 px-5 py-2 text-sm">
              <Link
                href={`/complaints/${complaint.reference}`}
                className="focus-ring rounded font-mono text-brand-700 hover:underline"
              >
                {complaint.reference}
              </Link>
              <span className="min-w-0 flex-1 truncate text-slate-800">{complaint.subject}</span>
              <span className="text-xs text-slate-500">{statusLabels[complaint.status] ?? complaint.status}</span>
              {canEdit ? (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => remove(complaint.id)}
                  disabled={pending}
                  aria-label={t("unlink", { reference: complaint.reference })}
                >
                  <X aria-hidden />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={add} className="flex flex-col gap-1 border-t border-slate-100 px-5 py-3" noValidate>
          <div className="flex gap-2">
            <Input
              name="references"
              placeholder={t("addPlaceholder")}
              aria-label={t("addLabel")}
              className="font-mono text-sm"
              aria-invalid={error ? true : undefined}
            />
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("add")}
            </Button>
          </div>
          {error ? (
            <p role="alert" className="text-xs font-medium text-danger-700">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
