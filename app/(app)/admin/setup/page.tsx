import type { Metadata } from "next";
import { Building, Plane, Luggage } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ApplyTemplateButton } from "@/components/admin/setup/apply-template-button";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { setupStatus } from "@/lib/setup/industry-template";
import { readServiceContact } from "@/lib/public/service-contact";
import { ServiceContactForm } from "@/components/admin/setup/service-contact-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminSetup");
  return { title: t("title") };
}

const ICONS = { airline: Plane, travel: Luggage, enterprise: Building } as const;

export default async function AdminSetupPage() {
  await requirePermission("admin.config");
  const [t, status, contact] = await Promise.all([getTranslations("adminSetup"), setupStatus(), readServiceContact()]);
  const locked = status.complaints > 0;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {locked ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-warning-100 bg-warning-50 px-4 py-3 text-sm text-warning-700"
          data-testid="setup-locked"
        >
          {t("locked", { count: status.complaints })}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        {status.templates.map((template) => {
          const Icon = ICONS[template.code];
          const name = t(`templates.${template.code}.name`);
          return (
            <Card key={template.code} className="flex flex-col gap-3 p-5" data-testid={`template-${template.code}`}>
              <div className="flex items-center gap-2">
                <Icon aria-hidden className="size-5 text-brand-600" />
                <h2 className="text-[15px] font-semibold text-slate-900">{name}</h2>
                {status.current === template.code ? <Badge tone="success">{t("current")}</Badge> : null}
              </div>
              <p className="text-sm text-slate-600">{t(`templates.${template.code}.description`)}</p>
              <ul className="text-xs text-slate-500">
                <li>{t("contents.channels", { count: template.channels })}</li>
                <li>
                  {t("contents.categories", {
                    count: template.categories,
                    sub: template.subcategories,
                    causes: template.rootCauses,
                  })}
                </li>
                <li>{t("contents.sla", { count: template.slaPolicies })}</li>
                <li>{t("contents.replies", { count: template.replyTemplates })}</li>
              </ul>
              <div className="mt-auto">
                <ApplyTemplateButton code={template.code} name={name} disabled={locked} />
              </div>
            </Card>
          );
        })}
      </div>
      <p className="mt-4 text-xs text-slate-500">{t("help")}</p>
      <ServiceContactForm hotline={contact.hotline} version={contact.updatedAt?.toISOString() ?? ""} />
    </>
  );
}
