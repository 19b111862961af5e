"use client";
// Status report (answers the report clock), status changes, and the customer script / resolution text.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { incidentStatusAction, incidentTextsAction, reportIncidentAction } from "@/lib/incidents/actions";
import { useFieldError } from "@/components/incidents/field-error";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

type Props = {
  id: number;
  version: number;
  status: string;
  customerScript: string | null;
  resolutionText: string | null;
};

export function ReportPanel({ id, version, status }: Props) {
  const t = useTranslations("incidents.page");
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);
  return (
    <Card>
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("report")}</CardTitle>
        <CardDescription>{t("reportHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const body = String(new FormData(form).get("body") ?? "");
            run(
              () => reportIncidentAction(id, { version, body }),
              t("reported"),
              () => form.reset(),
            );
          }}
        >
          <FormField label={t("reportBody")} error={err("body")}>
            <Textarea name="body" rows={3} maxLength={4000} data-testid="incident-report-body" />
          </FormField>
          {message ? (
            <p role="alert" className="text-sm font-medium text-danger-700">
              {message}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex gap-2">
              {status === "active" ? (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() =>
                    run(() => incidentStatusAction(id, { version, status: "recovered" }), t("statusChanged"))
                  }
                >
                  {t("markRecovered")}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() => run(() => incidentStatusAction(id, { version, status: "active" }), t("statusChanged"))}
                >
                  {t("reactivate")}
                </Button>
              )}
              {status !== "closed" ? (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={pending}
                  onClick={() => run(() => incidentStatusAction(id, { version, status: "closed" }), t("statusChanged"))}
                >
                  {t("markClosed")}
                </Button>
              ) : null}
            </div>
            <Button type="submit" disabled={pending}>
              {t("send")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

export function TextsPanel({ id, version, customerScript, resolutionText }: Props) {
  const t = useTranslations("incidents");
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("page.texts")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            run(
              () =>
                incidentTextsAction(id, {
                  version,
                  customerScript: String(form.get("customerScript") ?? ""),
                  resolutionText: String(form.get("resolutionText") ?? ""),
                }),
              t("page.textsSaved"),
            );
          }}
        >
          <FormField label={t("fields.customerScript")} error={err("customerScript")}>
            <Textarea name="customerScript" rows={3} defaultValue={customerScript ?? ""} maxLength={4000} />
          </FormField>
          <FormField label={t("page.resolutionText")} error={err("resolutionText")}>
            <Textarea name="resolutionText" rows={3} defaultValue={resolutionText ?? ""} maxLength={4000} />
          </FormField>
          {message ? (
            <p role="alert" className="text-sm font-medium text-danger-700">
              {message}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("page.saveTexts")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
