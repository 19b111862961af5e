import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, KeyRound } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listApiTokens, type ApiTokenRow } from "@/lib/api-tokens/service";
import { TokenLimitDialog } from "@/components/api-tokens/token-limit-dialog";
import { CreateTokenDialog } from "@/components/admin/api-tokens/create-token-dialog";
import { RevokeTokenButton } from "@/components/admin/api-tokens/revoke-token-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

function stateOf(token: ApiTokenRow, now: Date): "active" | "revoked" | "expired" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

/** Tokens expire at the end of the chosen day, stored as the next day's midnight: show the chosen day. */
const lastValidDay = (expiresAt: Date) => new Date(expiresAt.getTime() - 1);

const STATE_TONE = { active: "success", revoked: "neutral", expired: "warning" } as const;

export default async function ApiTokensPage() {
  const user = await requirePermission("admin.tokens");
  const [t, tLimits, format, tokens] = await Promise.all([
    getTranslations("apiTokens"),
    getTranslations("apiTokenLimits"),
    getFormatter(),
    listApiTokens(user.actor),
  ]);
  const now = new Date();
  const dateTime = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : null;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: tokens.length })}
        actions={
          <>
            <Button variant="secondary" asChild>
              <Link href="/api-docs">
                <BookOpen aria-hidden />
                {t("docsLink")}
              </Link>
            </Button>
            <CreateTokenDialog />
          </>
        }
      />
      <Card>
        {tokens.length === 0 ? (
          <EmptyState icon={KeyRound} title={t("empty.title")} description={t("empty.description")} />
        ) : (
          <Table data-testid="api-tokens-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.prefix")}</TableHead>
                <TableHead>{t("columns.permissions")}</TableHead>
                <TableHead>{tLimits("column")}</TableHead>
                <TableHead>{t("columns.created")}</TableHead>
                <TableHead>{t("columns.lastUsed")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => {
                const state = stateOf(token, now);
                return (
                  <TableRow key={token.id}>
                    <TableCell className="font-medium text-slate-900">{token.name}</TableCell>
                    <TableCell className="font-mono text-[13px] text-slate-500">sk_{token.prefix}_…</TableCell>
                    <TableCell>
                      <ul className="flex max-w-md flex-wrap gap-1">
                        {token.permissions.map((permission) => (
                          <li key={permission}>
                            <Badge tone="neutral" className="font-mono text-[11px]">
                              {permission}
                            </Badge>
                          </li>
                        ))}
                      </ul>
                    </TableCell>
                    <TableCell>
                      <TokenLimitDialog
                        id={token.id}
                        name={token.name}
                        limit={token.rateLimitPerMinute}
                        editable={state !== "revoked"}
                      />
                    </TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap">
                      {dateTime(token.createdAt)}
                      <span className="block text-xs text-slate-500">{t("by", { name: token.createdBy.name })}</span>
                    </TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap">
                      {dateTime(token.lastUsedAt) ?? <span className="text-slate-400">{t("neverUsed")}</span>}
                    </TableCell>
                    <TableCell>
                      <Badge tone={STATE_TONE[state]} dot>
                        {t(`states.${state}`)}
                      </Badge>
                      {state === "active" && token.expiresAt ? (
                        <span className="mt-1 block text-xs text-slate-500">
                          {t("expires", {
                            date: format.dateTime(lastValidDay(token.expiresAt), { dateStyle: "medium" }),
                          })}
                        </span>
                      ) : null}
                      {token.revokedAt ? (
                        <span className="mt-1 block text-xs text-slate-500">{dateTime(token.revokedAt)}</span>
                      ) : null}
                    </TableCell>
                    <TableCell className="text-right">
                      {state === "revoked" ? null : <RevokeTokenButton id={token.id} name={token.name} />}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
