import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaughtSmsCard } from "@/components/admin/sms/caught-sms-card";
import { SmsOutboxCard } from "@/components/admin/sms/sms-outbox-card";
import { SmsSettingsForm } from "@/components/admin/sms/sms-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { readSmsSettingsForAdmin } from "@/lib/sms/admin";
import { smsProviderLabel } from "@/lib/sms/configured";
import { getSmsOutboxOverview, listCaughtSms } from "@/lib/sms/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminSms");
  return { title: t("title") };
}

export default async function AdminSmsPage() {
  const user = await requirePermission("admin.mail");
  const [t, caught, outbox, settings] = await Promise.all([
    getTranslations("adminSms"),
    listCaughtSms(),
    getSmsOutboxOverview(),
    readSmsSettingsForAdmin(),
  ]);
  const provider = smsProviderLabel();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* min-w-0: the wide outbox table scrolls inside its card instead of widening the page (1280 px screens). */}
      <div className="flex min-w-0 flex-col gap-6">
        {can(user.actor, "admin.config") ? (
          <SmsSettingsForm settings={settings.settings} version={settings.version} />
        ) : null}
        <CaughtSmsCard caught={caught} provider={provider} />
        <SmsOutboxCard overview={outbox} provider={provider} />
      </div>
    </>
  );
}
