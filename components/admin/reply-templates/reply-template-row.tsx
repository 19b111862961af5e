"use client";
// One reply template in the admin list: name in the current language, code, category, status, last change, and the
// Edit / Deactivate / Activate actions (deactivation asks for confirmation first).
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { TableCell, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { setReplyTemplateActiveAction } from "@/lib/reference/actions";
import type { AdminReplyTemplate, CategoryOption } from "@/lib/reference/reply-templates";
import { ReplyTemplateDialog } from "@/components/admin/reply-templates/reply-template-dialog";

type Props = { template: AdminReplyTemplate; categories: CategoryOption[]; locale: string };

export function ReplyTemplateRow({ template, categories, locale }: Props) {
  const t = useTranslations("adminReplyTemplates");
  const format = useFormatter();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const zh = locale === "zh-CN";
  const next = !template.active;

  function toggle() {
    startTransition(async () => {
      const result = await setReplyTemplateActiveAction(template.id, { active: next, version: template.version });
      setConfirming(false);
      if (result.ok) {
        setError(null);
        toast({
          tone: "success",
          title: next ? t("activated", { code: template.code }) : t("deactivated", { code: template.code }),
        });
        return;
      }
      setError(result.error === "conflict" ? t("errors.conflict") : t("errors.failed"));
    });
  }

  return (
    <TableRow data-testid={`reply-template-${template.code}`}>
      <TableCell className="font-medium text-slate-900">{zh ? template.nameZh : template.nameEn}</TableCell>
      <TableCell className="font-mono text-xs">{template.code}</TableCell>
      <TableCell className="text-[13px]">
        {template.category ? (
          zh ? (
            template.category.nameZh
          ) : (
            template.category.nameEn
          )
        ) : (
          <span className="text-slate-500">{t("generic")}</span>
        )}
      </TableCell>
      <TableCell>
        {template.active ? (
          <Badge tone="success" dot>
            {t("active")}
          </Badge>
        ) : (
          <Badge tone="neutral">{t("inactive")}</Badge>
        )}
      </TableCell>
      <TableCell className="text-[13px] tabular-nums text-slate-600">
        {format.dateTime(template.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
      </TableCell>
      <TableCell className="text-right">
        <div className="flex justify-end gap-2">
          <ReplyTemplateDialog
            categories={categories}
            template={template}
            locale={locale}
            trigger={
              <Button size="sm" variant="secondary" aria-label={t("editLabel", { code: template.code })}>
                {t("edit")}
              </Button>
            }
          />
          {template.active ? (
            <Dialog open={confirming} onOpenChange={setConfirming}>
              <DialogTrigger asChild>
                <Button size="sm" variant="secondary" aria-label={t("deactivateLabel", { code: template.code })}>
                  {t("deactivate")}
                </Button>
              </DialogTrigger>
              <DialogContent className="max-w-md">
                <DialogHeader>
                  <DialogTitle>{t("confirmDeactivate.title", { code: template.code })}</DialogTitle>
                  <DialogDescription>{t("confirmDeactivate.body")}</DialogDescription>
                </DialogHeader>
                <DialogFooter>
                  <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                    {t("cancel")}
                  </Button>
                  <Button type="button" variant="destructive" disabled={pending} onClick={toggle}>
                    {t("deactivate")}
                  </Button>
                </DialogFooter>
              </DialogContent>
            </Dialog>
          ) : (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={toggle}
              aria-label={t("activateLabel", { code: template.code })}
            >
              {t("activate")}
            </Button>
          )}
        </div>
        {error ? (
          <p role="alert" className="mt-1 text-xs font-medium text-danger-700">
            {error}
          </p>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
