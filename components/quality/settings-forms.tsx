"use client";
// Managers' quality settings: a scorecard's criteria (saving changed criteria makes a new version), a team's sampling
// plan, and a team's appraisal weights.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { useAction } from "@/components/ui/use-action";
import {
  createScorecardAction,
  saveSamplingPlanAction,
  saveTeamWeightsAction,
  updateScorecardAction,
} from "@/lib/quality/actions";
import { INDICATORS, type Weights } from "@/lib/quality/appraisal";
import type { CriterionDefinition } from "@/lib/quality/schema";

type Failure = { error: string } | null;
function useErrorText() {
  const t = useTranslations("quality.form");
  return (failure: Failure) =>
    !failure
      ? null
      : failure.error === "conflict"
        ? t("errors.conflict")
        : failure.error === "forbidden"
          ? t("errors.forbidden")
          : failure.error === "invalid"
            ? t("errors.invalid")
            : t("errors.unprocessable");
}

const blank = (): CriterionDefinition => ({
  code: "",
  labelZh: "",
  labelEn: "",
  weight: 10,
  maxPoints: 10,
  critical: false,
});

export function ScorecardEditor({
  scorecard,
}: {
  scorecard: { id: number; version: number; nameZh: string; nameEn: string; criteria: CriterionDefinition[] } | null;
}) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const errorText = useErrorText();
  const { run, pending, failure, fieldCode } = useAction();
  const [nameZh, setNameZh] = useState(scorecard?.nameZh ?? "");
  const [nameEn, setNameEn] = useState(scorecard?.nameEn ?? "");
  const [criteria, setCriteria] = useState<CriterionDefinition[]>(scorecard?.criteria ?? [blank()]);
  const set = (index: number, patch: Partial<CriterionDefinition>) =>
    setCriteria(criteria.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const save = () =>
    run<object>(
      () =>
        scorecard
          ? updateScorecardAction(scorecard.id, { version: scorecard.version, nameZh, nameEn, criteria })
          : createScorecardAction({ nameZh, nameEn, criteria }),
      {
        onSuccess: () => {
          toast({ tone: "success", title: t("scorecardSaved") });
          router.refresh();
        },
      },
    );
  const fieldText = (key: string) => (fieldCode(key) ? t("errors.field", { code: fieldCode(key)! }) : undefined);
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      data-testid="scorecard-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <FormField label={t("nameZh")} error={fieldText("nameZh")}>
          <Input value={nameZh} onChange={(event) => setNameZh(event.target.value)} maxLength={100} />
        </FormField>
        <FormField label={t("nameEn")} error={fieldText("nameEn")}>
          <Input value={nameEn} onChange={(event) => setNameEn(event.target.value)} maxLength={100} />
        </FormField>
      </div>
      {criteria.map((row, index) => (
        <fieldset
          key={index}
          className="grid items-end gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[8rem_1fr_1fr_5rem_5rem_auto_auto]"
        >
          <legend className="sr-only">
            {t("criterion")} {index + 1}
          </legend>
          <FormField label={t("code")} error={fieldText(`criteria.${index}.code`)}>
            <Input value={row.code} onChange={(event) => set(index, { code: event.target.value })} maxLength={40} />
          </FormField>
          <FormField label={t("labelZh")} error={fieldText(`criteria.${index}.labelZh`)}>
            <Input
              value={row.labelZh}
              onChange={(event) => set(index, { labelZh: event.target.value })}
              maxLength={100}
            />
          </FormField>
          <FormField label={t("labelEn")} error={fieldText(`criteria.${index}.labelEn`)}>
            <Input
              value={row.labelEn}
              onChange={(event) => set(index, { labelEn: event.target.value })}
              maxLength={100}
            />
          </FormField>
          <FormField label={t("weight")} error={fieldText(`criteria.${index}.weight`)}>
            <Input
              type="number"
              min={1}
              max={100}
              value={row.weight}
              onChange={(event) => set(index, { weight: Number(event.target.value) })}
            />
          </FormField>
          <FormField label={t("maxPoints")} error={fieldText(`criteria.${index}.maxPoints`)}>
            <Input
              type="number"
              min={1}
              max={100}
              value={row.maxPoints}
              onChange={(event) => set(index, { maxPoints: Number(event.target.value) })}
            />
          </FormField>
          <label className="flex h-9 items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={row.critical}
              onChange={(event) => set(index, { critical: event.target.checked })}
            />
            {t("critical")}
          </label>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            aria-label={t("removeCriterion")}
            onClick={() => setCriteria(criteria.filter((_, at) => at !== index))}
          >
            <Trash2 aria-hidden />
          </Button>
        </fieldset>
      ))}
      {fieldCode("criteria") ? (
        <p role="alert" className="text-sm text-danger-700">
          {t("errors.field", { code: fieldCode("criteria")! })}
        </p>
      ) : null}
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {errorText(failure)}
        </p>
      ) : null}
      <div className="flex justify-between">
        <Button type="button" variant="secondary" size="sm" onClick={() => setCriteria([...criteria, blank()])}>
          <Plus aria-hidden />
          {t("addCriterion")}
        </Button>
        <Button type="submit" size="sm" disabled={pending} data-testid="scorecard-save">
          {t("saveScorecard")}
        </Button>
      </div>
    </form>
  );
}

export function PlanForm({
  teams,
  scorecards,
  plan,
}: {
  teams: { id: number; name: string }[];
  scorecards: { id: number; name: string }[];
  plan: { teamId: number | null; perAgent: number; scorecardId: number; active: boolean } | null;
}) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const errorText = useErrorText();
  const { run, pending, failure, fieldCode } = useAction();
  const [teamId, setTeamId] = useState(plan?.teamId ?? null);
  const [perAgent, setPerAgent] = useState(plan?.perAgent ?? 5);
  const [scorecardId, setScorecardId] = useState(plan?.scorecardId ?? scorecards[0]?.id ?? 0);
  const [active, setActive] = useState(plan?.active ?? true);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      data-testid="plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => saveSamplingPlanAction({ teamId, perAgent, scorecardId, active }), {
          onSuccess: () => {
            toast({ tone: "success", title: t("planSaved") });
            router.refresh();
          },
        });
      }}
    >
      <FormField label={t("team")}>
        <Select
          value={teamId ?? ""}
          onChange={(event) => setTeamId(event.target.value ? Number(event.target.value) : null)}
          disabled={plan !== null}
        >
          <option value="">{t("allOtherTeams")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField
        label={t("perAgent")}
        error={fieldCode("perAgent") ? t("errors.field", { code: fieldCode("perAgent")! }) : undefined}
      >
        <Input
          type="number"
          min={0}
          max={50}
          value={perAgent}
          onChange={(event) => setPerAgent(Number(event.target.value))}
          className="w-24"
        />
      </FormField>
      <FormField label={t("scorecard")}>
        <Select value={scorecardId} onChange={(event) => setScorecardId(Number(event.target.value))}>
          {scorecards.map((card) => (
            <option key={card.id} value={card.id}>
              {card.name}
            </option>
          ))}
        </Select>
      </FormField>
      <label className="flex h-9 items-center gap-1.5 text-sm">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        {t("activePlan")}
      </label>
      <Button type="submit" size="sm" disabled={pending}>
        {t("savePlan")}
      </Button>
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {errorText(failure)}
        </p>
      ) : null}
    </form>
  );
}

export function WeightsForm({ teamId, version, weights }: { teamId: number; version: number; weights: Weights }) {
  const t = useTranslations("quality.form");
  const router = useRouter();
  const { toast } = useToast();
  const errorText = useErrorText();
  const { run, pending, failure, fieldCode } = useAction();
  const [value, setValue] = useState<Weights>(weights);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      data-testid={`weights-form-${teamId}`}
      onSubmit={(event) => {
        event.preventDefault();
        run(() => saveTeamWeightsAction({ teamId, version, weights: value }), {
          onSuccess: () => {
            toast({ tone: "success", title: t("weightsSaved") });
            router.refresh();
          },
        });
      }}
    >
      {INDICATORS.map((indicator) => (
        <FormField
          key={indicator}
          label={t(`indicators.${indicator}`)}
          error={
            fieldCode(`weights.${indicator}`)
              ? t("errors.field", { code: fieldCode(`weights.${indicator}`)! })
              : undefined
          }
        >
          <Input
            type="number"
            min={0}
            max={100}
            className="w-20"
            value={value[indicator]}
            onChange={(event) => setValue({ ...value, [indicator]: Number(event.target.value) })}
          />
        </FormField>
      ))}
      <Button type="submit" size="sm" disabled={pending}>
        {t("saveWeights")}
      </Button>
      {failure && !failure.fields ? (
        <p role="alert" className="text-sm text-danger-700">
          {errorText(failure)}
        </p>
      ) : null}
    </form>
  );
}
