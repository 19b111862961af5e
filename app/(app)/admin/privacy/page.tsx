import type { Metadata } from "next";
import Link from "next/link";
import { Download, Search } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EraseButton } from "@/components/admin/privacy/erase-button";
import { RetentionForm } from "@/components/admin/privacy/retention-form";
import { PiiValue } from "@/components/customers/pii-value";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { searchCustomers } from "@/lib/customers/queries";
import { readRetentionSettings } from "@/lib/customers/retention";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PrivacyPage({ searchParams }: PageProps) {
  const user = await requirePermission("admin.privacy");
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 120);
  const [t, settings, hits] = await Promise.all([
    getTranslations("privacy"),
    readRetentionSettings(),
    q ? searchCustomers(user.actor, q, { limit: 20, context: "search:privacy" }) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("retention.title")}</CardTitle>
              <CardDescription>{t("retention.description")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <RetentionForm months={settings.months} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("requests.title")}</CardTitle>
              <CardDescription>{t("requests.description")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <form role="search" method="get" className="flex items-end gap-2">
              <div className="flex flex-1 flex-col gap-1.5">
                <Label htmlFor="privacy-search">{t("requests.search")}</Label>
                <div className="relative">
                  <Search
                    aria-hidden
                    className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
                  />
                  <Input
                    id="privacy-search"
                    type="search"
                    name="q"
                    defaultValue={q}
                    placeholder={t("requests.searchPlaceholder")}
                    maxLength={120}
                    className="pl-9"
                  />
                </div>
              </div>
              <Button type="submit" variant="secondary">
                {t("requests.searchButton")}
              </Button>
            </form>
          </CardContent>
          {!q ? (
            <p className="px-5 pb-5 text-sm text-slate-500">{t("requests.hint")}</p>
          ) : hits.length === 0 ? (
            <p className="px-5 pb-5 text-sm text-slate-500" role="status">
              {t("requests.noMatch")}
            </p>
          ) : (
            <Table data-testid="privacy-results">
              <TableCaption>{t("requests.title")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("requests.id")}</TableHead>
                  <TableHead>{t("requests.name")}</TableHead>
                  <TableHead>{t("requests.contact")}</TableHead>
                  <TableHead>{t("requests.complaints")}</TableHead>
                  <TableHead className="text-right">
                    <span className="sr-only">{t("requests.export")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {hits.map((hit) => (
                  <TableRow key={hit.id}>
                    <TableCell className="text-[13px] tabular-nums">#{hit.id}</TableCell>
                    <TableCell className="font-medium">
                      <Link href={`/customers/${hit.id}`} className="text-brand-700 hover:underline">
                        {hit.name}
                      </Link>
                    </TableCell>
                    <TableCell className="text-[13px]">
                      <span className="flex flex-col">
                        <PiiValue customerId={hit.id} field="phone" value={hit.phone} />
                        <PiiValue customerId={hit.id} field="email" value={hit.email} />
                      </span>
                    </TableCell>
                    <TableCell className="tabular-nums">{hit.openComplaintCount}</TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      <Button variant="secondary" size="sm" asChild>
                        <a href={`/api/admin/privacy/customers/${hit.id}/export`} download>
                          <Download aria-hidden />
                          {t("requests.export")}
                        </a>
                      </Button>
                      <EraseButton customerId={hit.id} name={hit.name} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
