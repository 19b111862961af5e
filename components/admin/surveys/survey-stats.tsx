// Offered vs. answered and the SPEC §5 figures for the chosen period, overall and per channel.
import { useFormatter, useTranslations } from "next-intl";
import { BarChart3 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SurveySummary } from "@/lib/surveys/metrics";

type Props = {
  range: { fromText: string; toText: string; invalid: boolean };
  overall: SurveySummary;
  channels: { name: string; summary: SurveySummary }[];
};

export function SurveyStats({ range, overall, channels }: Props) {
  const t = useTranslations("surveyAdmin.stats");
  const format = useFormatter();
  const pct = (value: number | null) =>
    value === null ? "—" : `${format.number(value, { maximumFractionDigits: 1 })} %`;
  const num = (value: number | null, digits = 1) =>
    value === null ? "—" : format.number(value, { maximumFractionDigits: digits });
  const tiles: [string, string, string, string?][] = [
    ["sent", t("sent"), format.number(overall.sent)],
    ["answered", t("answered"), format.number(overall.answered)],
    ["responseRate", t("responseRate"), pct(overall.responseRate)],
    ["csat", t("csat"), pct(overall.csat)],
    [
      "csatMean",
      t("csatMean"),
      num(overall.csatMean, 2),
      overall.csatMean === null ? undefined : t("csatMeanAs100", { score: num(((overall.csatMean - 1) / 4) * 100, 1) }),
    ],
    ["nps", t("nps"), num(overall.nps, 0)],
    ["recommendation", t("recommendation"), pct(overall.recommendation)],
    ["ces", t("ces"), num(overall.ces, 2)],
    ["lowScores", t("lowScores"), format.number(overall.lowScores)],
  ];
  return (
    <Card data-testid="survey-stats">
      <CardHeader className="flex-wrap gap-3">
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("range")}>
          <div className="flex flex-col gap-1">
            <Label htmlFor="stats-from">{t("from")}</Label>
            <Input id="stats-from" name="from" type="date" defaultValue={range.fromText} className="w-40" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="stats-to">{t("to")}</Label>
            <Input id="stats-to" name="to" type="date" defaultValue={range.toText} className="w-40" />
          </div>
          <Button type="submit" size="sm" variant="secondary">
            {t("apply")}
          </Button>
        </form>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {range.invalid ? (
          <p role="alert" className="text-sm text-warning-700">
            {t("invalidRange")}
          </p>
        ) : null}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-9">
          {tiles.map(([key, label, value, sub]) => (
            <div key={key} className="rounded-lg border border-slate-200 p-3" data-testid={`stat-${key}`}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
              {sub ? <dd className="text-xs text-slate-500 tabular-nums">{sub}</dd> : null}
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-500">
          {t("definitions")} {t("definitionsMore")} {t("sameAsDashboard")}
        </p>
        {channels.length === 0 ? (
          <EmptyState icon={BarChart3} title={t("empty")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("channel")}</TableHead>
                <TableHead className="text-right">{t("sent")}</TableHead>
                <TableHead className="text-right">{t("answered")}</TableHead>
                <TableHead className="text-right">{t("responseRate")}</TableHead>
                <TableHead className="text-right">{t("csat")}</TableHead>
                <TableHead className="text-right">{t("nps")}</TableHead>
                <TableHead className="text-right">{t("ces")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {channels.map(({ name, summary }) => (
                <TableRow key={name}>
                  <TableCell>{name}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(summary.sent)}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(summary.answered)}</TableCell>
                  <TableCell className="text-right tabular-nums">{pct(summary.responseRate)}</TableCell>
                  <TableCell className="text-right tabular-nums">{pct(summary.csat)}</TableCell>
                  <TableCell className="text-right tabular-nums">{num(summary.nps, 0)}</TableCell>
                  <TableCell className="text-right tabular-nums">{num(summary.ces, 2)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
