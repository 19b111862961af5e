import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RunMonth } from "@/components/quality/appraisal-actions";
import { PlanForm, ScorecardEditor, WeightsForm } from "@/components/quality/settings-forms";
import { requirePermission } from "@/lib/auth/session";
import { previousMonth } from "@/lib/quality/appraisal";
import { teamWeights } from "@/lib/quality/appraise";
import { activeTeams, listPlans, listScorecards } from "@/lib/quality/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quality");
  return { title: t("settingsTitle") };
}

// Managers: scorecards (versioned criteria), sampling plans per team, appraisal weights per team, and runs on demand.
export default async function QualitySettingsPage() {
  await requirePermission("quality.manage");
  const [t, locale, scorecards, plans, teams] = await Promise.all([
    getTranslations("quality"),
    getLocale(),
    listScorecards(),
    listPlans(),
    activeTeams(),
  ]);
  const zh = locale !== "en";
  const teamOptions = teams.map((team) => ({ id: team.id, name: zh ? team.nameZh : team.nameEn }));
  const cardOptions = scorecards.map((card) => ({ id: card.id, name: zh ? card.nameZh : card.nameEn }));
  const weights = await Promise.all(teams.map(async (team) => ({ team, ...(await teamWeights(team.id)) })));
  const month = previousMonth(new Date());

  return (
    <>
      <PageHeader title={t("settingsTitle")} description={t("settingsSubtitle")} />
      <div className="flex flex-col gap-4">
        {scorecards.map((card) => (
          <Card key={card.id} data-testid="scorecard-card">
            <CardHeader>
              <CardTitle>
                {zh ? card.nameZh : card.nameEn} · {t("scorecardVersion", { number: card.currentNumber })}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ScorecardEditor
                scorecard={{
                  id: card.id,
                  version: card.version,
                  nameZh: card.nameZh,
                  nameEn: card.nameEn,
                  criteria: card.versions[0]?.criteria ?? [],
                }}
              />
              {card.versions.length > 1 ? (
                <p className="mt-2 text-[13px] text-slate-500">
                  {t("olderVersions", { count: card.versions.length - 1 })}
                </p>
              ) : null}
            </CardContent>
          </Card>
        ))}
        <Card>
          <CardHeader>
            <CardTitle>{t("newScorecard")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ScorecardEditor scorecard={null} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("plansTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-[13px] text-slate-500">{t("plansHint")}</p>
            {plans.map((plan) => (
              <PlanForm key={plan.id} teams={teamOptions} scorecards={cardOptions} plan={plan} />
            ))}
            {cardOptions.length ? (
              <PlanForm
                key={`new-${plans.length}`}
                teams={teamOptions.filter((team) => !plans.some((plan) => plan.teamId === team.id))}
                scorecards={cardOptions}
                plan={null}
              />
            ) : null}
            <RunMonth kind="sample" defaultMonth={month} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("weightsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <p className="text-[13px] text-slate-500">{t("weightsHint")}</p>
            {weights.map(({ team, weights: value, version }) => (
              <div key={team.id}>
                <h3 className="mb-1 text-sm font-medium text-slate-900">{zh ? team.nameZh : team.nameEn}</h3>
                <WeightsForm teamId={team.id} version={version} weights={value} />
              </div>
            ))}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
