"use client";
// Reason options shown on a low score, general or per category: a table with a dialog to add or edit one.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { saveSurveyReasonAction } from "@/lib/surveys/actions";
import { useAdminAction } from "@/components/admin/surveys/use-admin-action";

export type ReasonRow = {
  id: number;
  code: string;
  categoryId: number | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
};
type Props = { reasons: ReasonRow[]; categories: { id: number; name: string }[] };

export function ReasonsEditor({ reasons, categories }: Props) {
  const t = useTranslations("surveyAdmin.reasons");
  const { toast } = useToast();
  const router = useRouter();
  const action = useAdminAction();
  const [editing, setEditing] = useState<ReasonRow | "new" | null>(null);
  const categoryName = (id: number | null) =>
    id === null ? t("allCategories") : (categories.find((category) => category.id === id)?.name ?? `#${id}`);
  const current = editing === "new" ? null : editing;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const category = String(form.get("categoryId") ?? "");
    const input = {
      id: current?.id ?? null,
      code: String(form.get("code") ?? ""),
      categoryId: category ? Number(category) : null,
      nameZh: String(form.get("nameZh") ?? ""),
      nameEn: String(form.get("nameEn") ?? ""),
      active: form.get("active") === "on",
    };
    action.run(
      () => saveSurveyReasonAction(input),
      () => {
        setEditing(null);
        toast({ tone: "success", title: t("saved") });
        router.refresh();
      },
    );
  };

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            action.reset();
            setEditing("new");
          }}
          data-testid="reason-add"
        >
          <Plus aria-hidden />
          {t("add")}
        </Button>
      </CardHeader>
      <CardContent className="p-0">
        {reasons.length === 0 ? (
          <EmptyState icon={Plus} title={t("empty")} />
        ) : (
          <Table data-testid="reason-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("code")}</TableHead>
                <TableHead>{t("nameZh")}</TableHead>
                <TableHead>{t("nameEn")}</TableHead>
                <TableHead>{t("category")}</TableHead>
                <TableHead>{t("state")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("edit")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {reasons.map((reason) => (
                <TableRow key={reason.id}>
                  <TableCell className="font-mono text-xs">{reason.code}</TableCell>
                  <TableCell>{reason.nameZh}</TableCell>
                  <TableCell>{reason.nameEn}</TableCell>
                  <TableCell>{categoryName(reason.categoryId)}</TableCell>
                  <TableCell>
                    <Badge tone={reason.active ? "success" : "neutral"}>
                      {reason.active ? t("active") : t("inactive")}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        action.reset();
                        setEditing(reason);
                      }}
                    >
                      {t("edit")}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          {editing !== null ? (
            <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
              <DialogHeader>
                <DialogTitle>{current ? t("editTitle") : t("addTitle")}</DialogTitle>
                <DialogDescription>{t("dialogDescription")}</DialogDescription>
              </DialogHeader>
              <FormField label={t("code")} hint={t("codeHint")} error={action.fieldError("code")}>
                <Input name="code" defaultValue={current?.code ?? ""} required autoComplete="off" />
              </FormField>
              <FormField label={t("nameZh")} error={action.fieldError("nameZh")}>
                <Input name="nameZh" defaultValue={current?.nameZh ?? ""} required lang="zh-CN" />
              </FormField>
              <FormField label={t("nameEn")} error={action.fieldError("nameEn")}>
                <Input name="nameEn" defaultValue={current?.nameEn ?? ""} required lang="en" />
              </FormField>
              <FormField label={t("category")} error={action.fieldError("categoryId")}>
                <Select name="categoryId" defaultValue={current?.categoryId ?? ""}>
                  <option value="">{t("allCategories")}</option>
                  {categories.map((category) => (
                    <option key={category.id} value={category.id}>
                      {category.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name="active"
                  defaultChecked={current?.active ?? true}
                  className="size-4 accent-brand-600"
                />
                {t("activeLabel")}
              </label>
              {action.formError ? (
                <p role="alert" className="text-sm text-danger-700">
                  {action.formError}
                </p>
              ) : null}
              <DialogFooter>
                <Button variant="secondary" onClick={() => setEditing(null)}>
                  {t("cancel")}
                </Button>
                <Button type="submit" disabled={action.pending}>
                  {action.pending ? t("saving") : t("save")}
                </Button>
              </DialogFooter>
            </form>
          ) : null}
        </DialogContent>
      </Dialog>
    </Card>
  );
}
