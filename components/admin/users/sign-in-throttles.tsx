// The "Sign-in throttles" section of /admin/users: addresses made to wait, accounts slowed, repeated failures.
import { ShieldCheck } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClearThrottleButton } from "@/components/admin/users/clear-throttle-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SignInThrottleView, ThrottleState } from "@/lib/auth/throttle-admin";

const STATE_TONES: Record<ThrottleState, BadgeTone> = { waiting: "warning", slowed: "danger", watching: "neutral" };

export async function SignInThrottles({ throttles }: { throttles: SignInThrottleView[] }) {
  const [t, format] = await Promise.all([getTranslations("signInThrottles"), getFormatter()]);
  return (
    <Card className="mt-6" data-testid="sign-in-throttles">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      {throttles.length === 0 ? (
        <EmptyState icon={ShieldCheck} title={t("empty")} />
      ) : (
        <Table>
          <TableCaption>{t("title")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.account")}</TableHead>
              <TableHead>{t("columns.address")}</TableHead>
              <TableHead className="text-right">{t("columns.failures")}</TableHead>
              <TableHead className="text-right">{t("columns.refused")}</TableHead>
              <TableHead>{t("columns.state")}</TableHead>
              <TableHead>{t("columns.lastFailure")}</TableHead>
              <TableHead className="text-right">{t("columns.actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {throttles.map((row) => {
              const address = row.ip === null ? t("allAddresses") : row.addressKnown ? row.ip : t("unknownAddress");
              return (
                <TableRow key={row.key} data-testid="sign-in-throttle-row">
                  <TableCell className="text-[13px]">{row.email}</TableCell>
                  <TableCell className="font-mono text-xs">{address}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(row.failures)}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(row.refused)}</TableCell>
                  <TableCell className="text-[13px]">
                    <Badge tone={STATE_TONES[row.state]}>{t(`states.${row.state}`)}</Badge>
                    {row.until ? (
                      <span className="mt-0.5 block text-xs text-slate-500">
                        {t("until", { time: format.dateTime(row.until, { timeStyle: "medium" }) })}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                    <time dateTime={row.lastFailureAt.toISOString()}>
                      {format.dateTime(row.lastFailureAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </TableCell>
                  <TableCell className="text-right">
                    <ClearThrottleButton throttleKey={row.key} label={`${row.email} · ${address}`} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
