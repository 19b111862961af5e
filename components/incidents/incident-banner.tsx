// On a complaint linked to an incident: which incident, its level and status, and the approved customer script.
import Link from "next/link";
import { CloudLightning } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { LEVEL_TONE, STATUS_TONE } from "@/components/incidents/tones";
import type { incidentBanner } from "@/lib/incidents/queries";

export async function IncidentBanner({
  incident,
}: {
  incident: NonNullable<Awaited<ReturnType<typeof incidentBanner>>>;
}) {
  const t = await getTranslations("incidents");
  return (
    <section
      className="rounded-lg border border-warning-100 bg-warning-50 p-4"
      data-testid="incident-banner"
      aria-label={t("banner.title", { title: incident.title })}
    >
      <div className="flex flex-wrap items-center gap-2">
        <CloudLightning className="size-5 text-warning-700" aria-hidden />
        <h2 className="font-semibold text-slate-900">{t("banner.title", { title: incident.title })}</h2>
        <Badge tone={LEVEL_TONE[incident.level]}>{t(`levels.${incident.level}`)}</Badge>
        <Badge tone={STATUS_TONE[incident.status]} dot>
          {t(`statuses.${incident.status}`)}
        </Badge>
        <Link
          href={`/incidents/${incident.id}`}
          className="focus-ring ml-auto rounded text-sm font-medium text-brand-700 hover:underline"
        >
          {t("banner.open")}
        </Link>
      </div>
      <div className="mt-2 text-sm">
        <span className="font-medium text-slate-700">{t("banner.script")}: </span>
        <span className="whitespace-pre-wrap text-slate-800">{incident.customerScript ?? t("banner.noScript")}</span>
      </div>
    </section>
  );
}
