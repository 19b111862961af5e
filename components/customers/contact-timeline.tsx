// Customer-facing contacts across all the customer's complaints, newest first, in pages of 20 (?timeline=N).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ContactTimelineItem } from "@/lib/customers/profile";

const KINDS = new Set(["reply", "customer_message", "call", "created", "survey_sent", "survey_answered"]);

type Props = { customerId: number; items: ContactTimelineItem[]; page: number; hasMore: boolean };

export async function ContactTimeline({ customerId, items, page, hasMore }: Props) {
  const [t, format] = await Promise.all([getTranslations("customers.timeline"), getFormatter()]);
  const href = (next: number) =>
    next > 1 ? `/customers/${customerId}?timeline=${next}#timeline` : `/customers/${customerId}#timeline`;
  return (
    <Card id="timeline">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      {items.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="contact-timeline">
          {items.map((item) => (
            <li key={item.id} className="px-5 py-3">
              <div className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                <span className="font-semibold text-slate-700">
                  {t(`kinds.${KINDS.has(item.kind) ? (item.kind as "reply") : "other"}`)}
                </span>
                <span>·</span>
                <span>{item.actorName ?? (item.actorType === "customer" ? t("customer") : t("system"))}</span>
                <span>·</span>
                <time dateTime={item.at.toISOString()}>
                  {format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                <span>·</span>
                {item.restricted ? (
                  <span>{item.complaint.reference}</span>
                ) : (
                  <Link href={`/complaints/${item.complaint.reference}`} className="text-brand-700 hover:underline">
                    {item.complaint.reference}
                  </Link>
                )}
              </div>
              {item.restricted ? <p className="mt-1 text-[13px] text-slate-500 italic">{t("restricted")}</p> : null}
              {item.body ? (
                <p className="mt-1 line-clamp-3 text-sm whitespace-pre-line text-slate-800">{item.body}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {page > 1 || hasMore ? (
        <nav className="flex justify-end gap-2 border-t border-slate-100 px-5 py-3" aria-label={t("title")}>
          {page > 1 ? (
            <Button variant="secondary" size="sm" asChild>
              <Link href={href(page - 1)}>{t("newer")}</Link>
            </Button>
          ) : null}
          {hasMore ? (
            <Button variant="secondary" size="sm" asChild>
              <Link href={href(page + 1)}>{t("older")}</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}
