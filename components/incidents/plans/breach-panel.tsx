"use client";
// A data breach incident's card: the regulator report clock (and recording the report), the affected customers
// (linked complaints + added by hand) and the breach notice to all of them.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useIncidentAction } from "@/components/incidents/use-incident-action";
import { useFieldError } from "@/components/incidents/field-error";
import { usePlanFieldError } from "@/components/incidents/plans/plan-errors";
import {
  addAffectedCustomerAction,
  notifyAffectedAction,
  regulatorReportAction,
  removeAffectedCustomerAction,
} from "@/lib/incidents/actions";

const CLOCK_TONE: Record<string, BadgeTone> = {
  running: "warning",
  due_soon: "danger",
  overdue: "danger",
  reported: "success",
};

type Breach = {
  detectedAt: Date;
  regulatorDueAt: Date;
  regulatorReportedAt: Date | null;
  regulatorReference: string | null;
  version: number;
  settings: { regulatorHours: number };
  clock: { state: string };
  complaintCustomers: number;
  manualCount: number;
  customers: {
    id: number;
    name: string;
    source: "complaint" | "manual";
    note: string | null;
    notifiedAt: Date | null;
  }[];
};

export function BreachPanel({
  incidentId,
  breach,
  canManage,
}: {
  incidentId: number;
  breach: Breach;
  canManage: boolean;
}) {
  const t = useTranslations("incidentBreach");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const report = useIncidentAction();
  const reportErr = usePlanFieldError(report.errors);
  const add = useIncidentAction();
  const addErr = usePlanFieldError(add.errors);
  const notify = useIncidentAction();
  const notifyErr = useFieldError(notify.errors);
  return (
    <Card data-testid="breach-panel" className="border-danger-200">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle className="flex items-center gap-2">
          {t("title")}
          <Badge tone={CLOCK_TONE[breach.clock.state]} data-testid="regulator-clock">
            {t(`clock.${breach.clock.state as "running"}`)}
          </Badge>
        </CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5 text-sm">
        <div className="flex flex-col gap-1">
          <p className="text-slate-700">
            {t("detected", { time: when(breach.detectedAt) })} ·{" "}
            <span className="font-medium">{t("due", { time: when(breach.regulatorDueAt) })}</span>
          </p>
          {breach.regulatorReportedAt ? (
            <p className="text-success-700">
              {t("reported", { time: when(breach.regulatorReportedAt), reference: breach.regulatorReference ?? "" })}
            </p>
          ) : null}
          <p className="text-xs text-slate-500">{t("basis", { hours: breach.settings.regulatorHours })}</p>
        </div>
        {canManage && !breach.regulatorReportedAt ? (
          <form
            className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const at = String(form.get("reportedAt") ?? "");
              report.run(
                () =>
                  regulatorReportAction(incidentId, {
                    version: breach.version,
                    reportedAt: at ? new Date(at).toISOString() : "",
                    reference: String(form.get("reference") ?? ""),
                  }),
                t("reportSaved"),
              );
            }}
          >
            <FormField label={t("reportedAt")} error={reportErr("reportedAt")}>
              <Input type="datetime-local" name="reportedAt" />
            </FormField>
            <FormField label={t("reference")} error={reportErr("reference")}>
              <Input name="reference" maxLength={120} />
            </FormField>
            <Button type="submit" variant="secondary" size="sm" className="self-end" disabled={report.pending}>
              {t("report")}
            </Button>
            {report.message ? (
              <p role="alert" className="text-danger-700 sm:col-span-3">
                {report.message}
              </p>
            ) : null}
          </form>
        ) : null}

        <div>
          <h3 className="font-medium text-slate-900">{t("affected")}</h3>
          <p className="mb-2 text-xs text-slate-500">
            {t("affectedCount", { complaints: breach.complaintCustomers, manual: breach.manualCount })}
          </p>
          <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto" data-testid="affected-customers">
            {breach.customers.map((customer) => (
              <li
                key={`${customer.source}-${customer.id}`}
                className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-1.5"
              >
                <span>
                  <Link
                    href={`/customers/${customer.id}`}
                    className="focus-ring rounded text-brand-700 hover:underline"
                  >
                    {customer.name}
                  </Link>
                  <Badge tone={customer.source === "complaint" ? "info" : "neutral"} className="ml-2">
                    {customer.source === "complaint" ? t("fromComplaint") : t("manual")}
                  </Badge>
                  {customer.source === "manual" ? (
                    <span className="ml-2 text-xs text-slate-500">
                      {customer.notifiedAt ? t("notifiedAt", { time: when(customer.notifiedAt) }) : t("notNotified")}
                    </span>
                  ) : null}
                  {customer.note ? <span className="block text-xs text-slate-500">{customer.note}</span> : null}
                </span>
                {canManage && customer.source === "manual" ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={add.pending}
                    onClick={() => add.run(() => removeAffectedCustomerAction(incidentId, customer.id), t("removed"))}
                  >
                    {t("remove")}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        {canManage ? (
          <form
            className="grid gap-3 sm:grid-cols-[8rem_1fr_auto]"
            onSubmit={(event) => {
              event.preventDefault();
              const element = event.currentTarget;
              const form = new FormData(element);
              add.run(
                () =>
                  addAffectedCustomerAction(incidentId, {
                    customerId: Number(form.get("customerId")) || 0,
                    note: String(form.get("note") ?? ""),
                  }),
                t("added"),
                () => element.reset(),
              );
            }}
          >
            <FormField label={t("customerId")} error={addErr("customerId")}>
              <Input name="customerId" inputMode="numeric" />
            </FormField>
            <FormField label={t("note")} error={addErr("note")}>
              <Input name="note" maxLength={500} />
            </FormField>
            <Button type="submit" variant="secondary" size="sm" className="self-end" disabled={add.pending}>
              {t("add")}
            </Button>
            {add.message ? (
              <p role="alert" className="text-danger-700 sm:col-span-3">
                {add.message}
              </p>
            ) : null}
          </form>
        ) : null}

        {canManage ? (
          <form
            className="flex flex-col gap-3 border-t border-slate-100 pt-4"
            data-testid="breach-notice"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const value = (key: string) => String(form.get(key) ?? "");
              notify.run(
                () =>
                  notifyAffectedAction(incidentId, {
                    subjectZh: value("subjectZh"),
                    subjectEn: value("subjectEn"),
                    bodyZh: value("bodyZh"),
                    bodyEn: value("bodyEn"),
                  }),
                t("noticeQueued"),
              );
            }}
          >
            <h3 className="font-medium text-slate-900">{t("notify")}</h3>
            <p className="text-xs text-slate-500">{t("notifyHint")}</p>
            <div className="grid gap-3 md:grid-cols-2">
              <FormField label={t("subjectZh")} error={notifyErr("subjectZh")}>
                <Input name="subjectZh" defaultValue={t("defaultSubjectZh")} maxLength={200} />
              </FormField>
              <FormField label={t("subjectEn")} error={notifyErr("subjectEn")}>
                <Input name="subjectEn" defaultValue={t("defaultSubjectEn")} maxLength={200} />
              </FormField>
              <FormField label={t("bodyZh")} error={notifyErr("bodyZh")}>
                <Textarea name="bodyZh" rows={4} defaultValue={t.raw("defaultBodyZh") as string} maxLength={1000} />
              </FormField>
              <FormField label={t("bodyEn")} error={notifyErr("bodyEn")}>
                <Textarea name="bodyEn" rows={4} defaultValue={t.raw("defaultBodyEn") as string} maxLength={1000} />
              </FormField>
            </div>
            {notify.message ? (
              <p role="alert" className="text-danger-700">
                {notify.message}
              </p>
            ) : null}
            <div className="flex justify-end">
              <Button type="submit" disabled={notify.pending}>
                {t("notify")}
              </Button>
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
