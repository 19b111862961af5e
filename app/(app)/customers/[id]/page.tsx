import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, ShieldOff, Merge } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ComplaintsCard } from "@/components/customers/complaints-card";
import { ContactTimeline } from "@/components/customers/contact-timeline";
import { DuplicatesCard } from "@/components/customers/duplicates-card";
import { EditProfileDialog } from "@/components/customers/edit-profile-dialog";
import { CompensationCard, SurveysCard } from "@/components/customers/history-cards";
import { MergesCard } from "@/components/customers/merges-card";
import { ProfileCard, TagsCard } from "@/components/customers/profile-card";
import { SmsOptOutButton } from "@/components/customers/sms-opt-out-button";
import { TasksCard } from "@/components/customers/tasks-card";
import { ValueCard } from "@/components/customers/value-card";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listCustomerTiers } from "@/lib/customers/directory";
import { findDuplicatesOfCustomer } from "@/lib/customers/duplicates";
import { canUndoMerge, listMergesInto } from "@/lib/customers/merge";
import { getContactTimeline, getCustomerProfile } from "@/lib/customers/profile";
import { listTaskAssignees } from "@/lib/customers/tasks";
import { isAppLocale, localizedName, type AppLocale } from "@/lib/i18n/locales";
import { parseId } from "@/lib/validation";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const t = await getTranslations("customers");
  const { id } = await params;
  return { title: `${t("title")} #${id}` };
}

export default async function CustomerPage({ params, searchParams }: PageProps) {
  const user = await requirePermission("customer.read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const rawPage = (await searchParams).timeline;
  const timelinePage = Math.min(
    Math.max(Number.parseInt(Array.isArray(rawPage) ? (rawPage[0] ?? "1") : (rawPage ?? "1"), 10) || 1, 1),
    500,
  );
  const profile = await getCustomerProfile(user.actor, id);
  if (!profile) notFound();
  const rawLocale = await getLocale();
  const locale: AppLocale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const { customer } = profile;
  const active = customer.mergedIntoId === null && customer.anonymizedAt === null;
  const canEdit = active && can(user, "customer.update");
  const [t, format, timeline, duplicates, merges, tiers, assignees] = await Promise.all([
    getTranslations("customers"),
    getFormatter(),
    getContactTimeline(user.actor, id, timelinePage),
    active ? findDuplicatesOfCustomer(user.actor, id) : Promise.resolve([]),
    listMergesInto(user.actor, id),
    canEdit ? listCustomerTiers() : Promise.resolve([]),
    canEdit ? listTaskAssignees() : Promise.resolve([]),
  ]);
  const now = new Date();

  return (
    <>
      <Link
        href="/customers"
        className="mb-3 inline-flex items-center gap-1 text-[13px] text-slate-500 hover:text-slate-800"
      >
        <ArrowLeft aria-hidden className="size-3.5" />
        {t("page.backToList")}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="customer-name">{customer.name}</span>
            {customer.tier ? <Badge tone="brand">{localizedName(locale, customer.tier)}</Badge> : null}
            {customer.tags.includes("VIP") ? <Badge tone="violet">VIP</Badge> : null}
          </span>
        }
        description={`#${customer.id} · ${t("page.memberSince", { date: format.dateTime(customer.createdAt, { dateStyle: "medium" }) })}`}
        actions={
          canEdit ? (
            <EditProfileDialog
              profile={{
                id: customer.id,
                version: customer.version,
                name: customer.name,
                phone: customer.phone,
                email: customer.email,
                idNumber: customer.idNumber,
                locale: customer.locale,
                membershipNumber: customer.membershipNumber,
                tierId: customer.tierId,
                company: customer.company,
                tags: customer.tags,
                specialNeeds: customer.specialNeeds,
                consentContact: customer.consentContact,
                consentSurvey: customer.consentSurvey,
                consentMarketing: customer.consentMarketing,
                preferredChannel: customer.preferredChannel,
              }}
              tiers={tiers.map((tier) => ({ id: tier.id, label: localizedName(locale, tier) }))}
              canEditIdentity={can(user, "customer.change_review")}
              canEditContact={can(user, "pii.view")}
            />
          ) : null
        }
      />
      {customer.mergedInto ? (
        <p
          role="status"
          className="mb-4 flex flex-wrap items-center gap-2 rounded-lg border border-info-100 bg-info-50 px-4 py-3 text-sm text-info-700"
          data-testid="customer-merged-banner"
        >
          <Merge aria-hidden className="size-4 shrink-0" />
          {t("page.merged", { name: customer.mergedInto.name })}
          <Link href={`/customers/${customer.mergedInto.id}`} className="font-medium underline">
            {t("page.openSurvivor")}
          </Link>
        </p>
      ) : null}
      {customer.anonymizedAt ? (
        <p
          role="status"
          className="mb-4 flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700"
        >
          <ShieldOff aria-hidden className="size-4 shrink-0" />
          {t("page.anonymised", { date: format.dateTime(customer.anonymizedAt, { dateStyle: "medium" }) })}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <ProfileCard
            customer={customer}
            smsAction={
              canEdit && active ? (
                <SmsOptOutButton customerId={customer.id} optedOut={customer.smsOptedOutAt !== null} />
              ) : null
            }
          />
          <ValueCard profile={profile} locale={locale} canEdit={canEdit} />
          <TagsCard customer={customer} />
          {active ? (
            <DuplicatesCard customerId={customer.id} duplicates={duplicates} canMerge={can(user, "customer.merge")} />
          ) : null}
          <MergesCard
            merges={merges}
            canUndo={canUndoMerge(user)}
            survivorMerged={customer.mergedIntoId !== null}
            now={now}
          />
        </div>
        <div className="flex flex-col gap-6">
          <ComplaintsCard complaints={profile.complaints} locale={locale} />
          <TasksCard
            customerId={customer.id}
            tasks={profile.tasks}
            canEdit={canEdit}
            me={{ id: user.id, name: user.name }}
            assignees={assignees}
            complaints={[...profile.complaints.open, ...profile.complaints.past].flatMap((row) =>
              row.subject === null ? [] : [{ reference: row.reference, subject: row.subject }],
            )}
            now={now}
          />
          {timeline ? (
            <ContactTimeline
              customerId={customer.id}
              items={timeline.items}
              page={timeline.page}
              hasMore={timeline.hasMore}
            />
          ) : null}
        </div>
      </div>
      <div className="mt-6 flex flex-col gap-6">
        <SurveysCard surveys={profile.surveys} />
        <CompensationCard compensations={profile.compensations} />
      </div>
    </>
  );
}
