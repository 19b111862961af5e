"use client";
// Create a contingency plan or save a new revision of one: titles, type and level, owner, review date, steps (role and
// target minutes), contacts, both scripts and the compensation rules an incident starts from.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useIncidentAction } from "@/components/incidents/use-incident-action";
import { usePlanFieldError } from "@/components/incidents/plans/plan-errors";
import { createPlanAction, revisePlanAction } from "@/lib/incidents/actions";
import { INCIDENT_LEVELS, INCIDENT_TYPES } from "@/lib/incidents/schema";
import {
  PLAN_RULE_CONDITIONS,
  PLAN_RULE_KINDS,
  PLAN_STEP_ROLES,
  type PlanContact,
  type PlanRule,
  type PlanStep,
} from "@/lib/incidents/plan-schema";

export type PlanFormValues = {
  type: string;
  level: string | null;
  titleZh: string;
  titleEn: string;
  ownerId: number | null;
  nextReviewAt: string;
  steps: PlanStep[];
  contacts: PlanContact[];
  scriptZh: string;
  scriptEn: string;
  compensationRules: PlanRule[];
  active: boolean;
};

const EMPTY_STEP: PlanStep = { zh: "", en: "", role: "duty_manager", targetMinutes: null };
const EMPTY_CONTACT: PlanContact = { role: "", name: "", phone: "" };
const EMPTY_RULE: PlanRule = {
  condition: "delay_hours",
  thresholdHours: 4,
  kind: "voucher",
  amount: 200,
  currency: "CNY",
};

export function PlanForm({
  planId,
  revision,
  initial,
  owners,
}: {
  planId?: number;
  revision?: number;
  initial: PlanFormValues;
  owners: { id: number; name: string }[];
}) {
  const t = useTranslations("incidents");
  const tp = useTranslations("incidentPlans");
  const router = useRouter();
  const { run, errors, message, pending } = useIncidentAction();
  const err = usePlanFieldError(errors);
  const [steps, setSteps] = useState<PlanStep[]>(initial.steps.length ? initial.steps : [EMPTY_STEP]);
  const [contacts, setContacts] = useState<PlanContact[]>(initial.contacts);
  const [rules, setRules] = useState<PlanRule[]>(initial.compensationRules);
  const edit = <T,>(list: T[], set: (next: T[]) => void, index: number, patch: Partial<T>) =>
    set(list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const number = (value: string) => (value.trim() === "" ? null : Number(value));

  return (
    <form
      className="flex flex-col gap-6"
      data-testid="plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const value = (key: string) => String(form.get(key) ?? "");
        const input = {
          type: value("type"),
          level: value("level") || null,
          titleZh: value("titleZh"),
          titleEn: value("titleEn"),
          ownerId: Number(value("ownerId")) || 0,
          nextReviewAt: value("nextReviewAt") || undefined,
          steps,
          contacts,
          scriptZh: value("scriptZh"),
          scriptEn: value("scriptEn"),
          compensationRules: rules,
          active: form.get("active") === "on",
        };
        if (planId && revision)
          run(
            () => revisePlanAction(planId, { ...input, revision, changeNote: value("changeNote") }),
            tp("form.saved"),
            () => router.push(`/incidents/plans/${planId}`),
          );
        else
          run(
            () => createPlanAction(input),
            tp("form.saved"),
            (result) => router.push(`/incidents/plans/${result.id}`),
          );
      }}
    >
      <Card>
        <CardContent className="grid gap-4 pt-6 md:grid-cols-2">
          <FormField label={tp("form.titleZh")} error={err("titleZh")}>
            <Input name="titleZh" defaultValue={initial.titleZh} maxLength={200} />
          </FormField>
          <FormField label={tp("form.titleEn")} error={err("titleEn")}>
            <Input name="titleEn" defaultValue={initial.titleEn} maxLength={200} />
          </FormField>
          <FormField label={tp("form.type")} error={err("type")}>
            <Select name="type" defaultValue={initial.type}>
              {INCIDENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={tp("form.level")} error={err("level")}>
            <Select name="level" defaultValue={initial.level ?? ""}>
              <option value="">{tp("anyLevel")}</option>
              {INCIDENT_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`levels.${level}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={tp("form.owner")} error={err("ownerId")}>
            <Select name="ownerId" defaultValue={initial.ownerId ?? ""}>
              <option value="">{tp("form.select")}</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={tp("form.nextReview")} hint={tp("form.nextReviewHint")} error={err("nextReviewAt")}>
            <Input type="date" name="nextReviewAt" defaultValue={initial.nextReviewAt} />
          </FormField>
          <label className="flex items-center gap-2 text-sm text-slate-700 md:col-span-2">
            <input type="checkbox" name="active" defaultChecked={initial.active} className="focus-ring size-4" />
            {tp("form.active")}
          </label>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{tp("steps")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {err("steps") && !Object.keys(errors).some((key) => key.startsWith("steps.")) ? (
            <p className="text-sm text-danger-700">{err("steps")}</p>
          ) : null}
          {steps.map((step, index) => (
            <fieldset
              key={index}
              className="grid gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-[1fr_1fr_10rem_7rem_auto]"
              data-testid="plan-step"
            >
              <legend className="px-1 text-xs font-medium text-slate-500">{tp("form.step", { n: index + 1 })}</legend>
              <FormField label={tp("form.stepZh")} error={err(`steps.${index}.zh`)}>
                <Input
                  value={step.zh}
                  onChange={(e) => edit(steps, setSteps, index, { zh: e.target.value })}
                  maxLength={300}
                />
              </FormField>
              <FormField label={tp("form.stepEn")} error={err(`steps.${index}.en`)}>
                <Input
                  value={step.en}
                  onChange={(e) => edit(steps, setSteps, index, { en: e.target.value })}
                  maxLength={300}
                />
              </FormField>
              <FormField label={tp("form.role")}>
                <Select
                  value={step.role}
                  onChange={(e) => edit(steps, setSteps, index, { role: e.target.value as PlanStep["role"] })}
                >
                  {PLAN_STEP_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {tp(`roles.${role}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={tp("form.target")} error={err(`steps.${index}.targetMinutes`)}>
                <Input
                  inputMode="numeric"
                  value={step.targetMinutes ?? ""}
                  onChange={(e) => edit(steps, setSteps, index, { targetMinutes: number(e.target.value) })}
                />
              </FormField>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="self-end"
                aria-label={tp("form.remove")}
                onClick={() => setSteps(steps.filter((_s, i) => i !== index))}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </fieldset>
          ))}
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() => setSteps([...steps, EMPTY_STEP])}
          >
            <Plus className="size-4" aria-hidden />
            {tp("form.addStep")}
          </Button>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{tp("contacts")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {contacts.map((contact, index) => (
            <div key={index} className="grid gap-3 md:grid-cols-[1fr_1fr_1fr_auto]">
              <FormField label={tp("form.contactRole")} error={err(`contacts.${index}.role`)}>
                <Input
                  value={contact.role}
                  onChange={(e) => edit(contacts, setContacts, index, { role: e.target.value })}
                  maxLength={80}
                />
              </FormField>
              <FormField label={tp("form.contactName")} error={err(`contacts.${index}.name`)}>
                <Input
                  value={contact.name}
                  onChange={(e) => edit(contacts, setContacts, index, { name: e.target.value })}
                  maxLength={80}
                />
              </FormField>
              <FormField label={tp("form.contactPhone")} error={err(`contacts.${index}.phone`)}>
                <Input
                  value={contact.phone}
                  onChange={(e) => edit(contacts, setContacts, index, { phone: e.target.value })}
                  maxLength={40}
                />
              </FormField>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="self-end"
                aria-label={tp("form.remove")}
                onClick={() => setContacts(contacts.filter((_c, i) => i !== index))}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          ))}
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() => setContacts([...contacts, EMPTY_CONTACT])}
          >
            <Plus className="size-4" aria-hidden />
            {tp("form.addContact")}
          </Button>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{tp("scripts")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <FormField label={tp("scriptZh")} error={err("scriptZh")}>
            <Textarea name="scriptZh" rows={4} defaultValue={initial.scriptZh} maxLength={4000} />
          </FormField>
          <FormField label={tp("scriptEn")} error={err("scriptEn")}>
            <Textarea name="scriptEn" rows={4} defaultValue={initial.scriptEn} maxLength={4000} />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{tp("rules")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {rules.map((rule, index) => (
            <div key={index} className="grid gap-3 md:grid-cols-[12rem_6rem_10rem_8rem_6rem_auto]">
              <FormField label={tp("form.condition")}>
                <Select
                  value={rule.condition}
                  onChange={(e) => edit(rules, setRules, index, { condition: e.target.value as PlanRule["condition"] })}
                >
                  {PLAN_RULE_CONDITIONS.map((c) => (
                    <option key={c} value={c}>
                      {tp(`conditions.${c}`, { hours: "N" })}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={tp("form.hours")} error={err(`compensationRules.${index}.thresholdHours`)}>
                <Input
                  inputMode="decimal"
                  value={rule.thresholdHours ?? ""}
                  onChange={(e) => edit(rules, setRules, index, { thresholdHours: number(e.target.value) })}
                />
              </FormField>
              <FormField label={tp("form.kind")}>
                <Select
                  value={rule.kind}
                  onChange={(e) => edit(rules, setRules, index, { kind: e.target.value as PlanRule["kind"] })}
                >
                  {PLAN_RULE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {tp(`kinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={tp("form.amount")} error={err(`compensationRules.${index}.amount`)}>
                <Input
                  inputMode="decimal"
                  value={Number.isNaN(rule.amount) ? "" : rule.amount}
                  onChange={(e) => edit(rules, setRules, index, { amount: Number(e.target.value) })}
                />
              </FormField>
              <FormField label={tp("form.currency")} error={err(`compensationRules.${index}.currency`)}>
                <Input
                  value={rule.currency}
                  onChange={(e) => edit(rules, setRules, index, { currency: e.target.value })}
                  maxLength={3}
                />
              </FormField>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="self-end"
                aria-label={tp("form.remove")}
                onClick={() => setRules(rules.filter((_r, i) => i !== index))}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          ))}
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() => setRules([...rules, EMPTY_RULE])}
          >
            <Plus className="size-4" aria-hidden />
            {tp("form.addRule")}
          </Button>
        </CardContent>
      </Card>

      {planId ? (
        <FormField label={tp("form.changeNote")} error={err("changeNote")}>
          <Textarea name="changeNote" rows={2} maxLength={1000} />
        </FormField>
      ) : null}
      {message ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {message}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {planId ? tp("form.saveRevision") : tp("form.save")}
        </Button>
      </div>
    </form>
  );
}
