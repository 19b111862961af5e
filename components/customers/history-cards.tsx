// Surveys with their scores and the compensation history of the customer.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CustomerProfile } from "@/lib/customers/profile";

/** A link to the complaint, or plain text for another team's complaint (it would not open for this reader). */
const ref = (reference: string, restricted: boolean) =>
  restricted ? (
    <span>{reference}</span>
  ) : (
    <Link href={`/complaints/${reference}`} className="text-brand-700 hover:underline">
      {reference}
    </Link>
  );
const withheldCell = (label: string) => <span className="text-slate-500 italic">{label}</span>;

export async function SurveysCard({ surveys }: { surveys: CustomerProfile["surveys"] }) {
  const [t, tCommon, format] = await Promise.all([
    getTranslations("customers.surveys"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const score = (value: number | null | undefined) =>
    value == null ? <span className="text-slate-400">—</span> : format.number(value);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      {surveys.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table>
          <TableCaption>{t("title")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("complaint")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("sent")}</TableHead>
              <TableHead className="text-right">{t("csat")}</TableHead>
              <TableHead className="text-right">{t("nps")}</TableHead>
              <TableHead className="text-right">{t("ces")}</TableHead>
              <TableHead>{t("resolved")}</TableHead>
              <TableHead>{t("comment")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {surveys.map((survey) => (
              <TableRow key={survey.id}>
                <TableCell className="text-[13px] whitespace-nowrap">
                  {ref(survey.complaint.reference, survey.restricted)}
                </TableCell>
                <TableCell>
                  <Badge tone={survey.status === "answered" ? "success" : "neutral"}>
                    {t(`statuses.${survey.status}`)}
                  </Badge>
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap">
                  {survey.sentAt ? format.dateTime(survey.sentAt, { dateStyle: "medium" }) : "—"}
                </TableCell>
                <TableCell className="text-right tabular-nums">{score(survey.response?.csat)}</TableCell>
                <TableCell className="text-right tabular-nums">{score(survey.response?.nps)}</TableCell>
                <TableCell className="text-right tabular-nums">{score(survey.response?.ces)}</TableCell>
                <TableCell className="text-[13px]">
                  {survey.response?.resolved == null ? "—" : survey.response.resolved ? tCommon("yes") : tCommon("no")}
                </TableCell>
                <TableCell className="max-w-[16rem] truncate text-[13px]" title={survey.response?.comment ?? undefined}>
                  {survey.restricted ? withheldCell(t("withheld")) : (survey.response?.comment ?? "—")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

export async function CompensationCard({ compensations }: { compensations: CustomerProfile["compensations"] }) {
  const [t, tComp, format] = await Promise.all([
    getTranslations("customers.compensation"),
    getTranslations("compensation"),
    getFormatter(),
  ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      {compensations.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table>
          <TableCaption>{t("title")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("date")}</TableHead>
              <TableHead>{t("kind")}</TableHead>
              <TableHead className="text-right">{t("amount")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("complaint")}</TableHead>
              <TableHead>{t("reason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {compensations.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="text-[13px] whitespace-nowrap">
                  {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap">{tComp(`kinds.${row.kind}`)}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {row.amount} {row.currency}
                </TableCell>
                <TableCell>
                  <Badge
                    tone={
                      row.status === "issued" || row.status === "approved"
                        ? "success"
                        : row.status === "rejected"
                          ? "danger"
                          : "warning"
                    }
                  >
                    {tComp(`statuses.${row.status}`)}
                  </Badge>
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap">
                  {ref(row.complaint.reference, row.restricted)}
                </TableCell>
                <TableCell className="max-w-[16rem] truncate text-[13px]" title={row.reason ?? undefined}>
                  {row.reason ?? withheldCell(t("withheld"))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
