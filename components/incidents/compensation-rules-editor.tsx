"use client";
// The incident's compensation rule table (first matching rule wins) and the flight table the rules read (delay hours,
// overnight, cancelled per flight and date). Saved together, version-checked.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { COMPENSATION_KINDS } from "@/lib/compensation/kinds";
import { compensationRulesAction } from "@/lib/incidents/actions";
import { useFieldError } from "@/components/incidents/field-error";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

const CONDITIONS = ["delay_at_least", "overnight", "cancelled", "category", "any"] as const;
type Condition = (typeof CONDITIONS)[number];

export type RuleDraft = {
  condition: Condition;
  hours: string;
  categoryId: string;
  compensation: (typeof COMPENSATION_KINDS)[number];
  amount: string;
  currency: string;
};
export type FlightDraft = {
  flightNumber: string;
  serviceDate: string;
  delayHours: string;
  overnight: boolean;
  cancelled: boolean;
};
type Named = { id: number; nameZh: string; nameEn: string };

const NEW_RULE: RuleDraft = {
  condition: "delay_at_least",
  hours: "4",
  categoryId: "",
  compensation: "voucher",
  amount: "200",
  currency: "CNY",
};
const NEW_FLIGHT: FlightDraft = {
  flightNumber: "",
  serviceDate: "",
  delayHours: "",
  overnight: false,
  cancelled: false,
};

function toInput(rules: RuleDraft[], flights: FlightDraft[], version: number) {
  return {
    version,
    rules: rules.map((rule) => ({
      condition:
        rule.condition === "delay_at_least"
          ? { kind: rule.condition, hours: Number(rule.hours) }
          : rule.condition === "category"
            ? { kind: rule.condition, categoryId: Number(rule.categoryId) }
            : { kind: rule.condition },
      compensation: rule.compensation,
      amount: rule.amount,
      currency: rule.currency,
    })),
    flights: flights.map((flight) => ({
      flightNumber: flight.flightNumber,
      serviceDate: flight.serviceDate,
      delayHours: flight.delayHours.trim() === "" ? null : Number(flight.delayHours),
      overnight: flight.overnight,
      cancelled: flight.cancelled,
    })),
  };
}

/**
 * `hints` are translated on the server (incidentBoard.compensation), keeping long help texts out of the client payload.
 */
export function CompensationRulesEditor({
  id,
  version,
  rules: initialRules,
  flights: initialFlights,
  categories,
  editable,
  hints,
}: {
  id: number;
  version: number;
  rules: RuleDraft[];
  flights: FlightDraft[];
  categories: Named[];
  editable: boolean;
  hints: { rules: string; flights: string };
}) {
  const t = useTranslations("incidents.compensation");
  const tKinds = useTranslations("compensation.kinds");
  const locale = useLocale();
  const [rules, setRules] = useState(initialRules);
  const [flights, setFlights] = useState(initialFlights);
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);
  const setRule = (index: number, patch: Partial<RuleDraft>) =>
    setRules((list) => list.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const setFlight = (index: number, patch: Partial<FlightDraft>) =>
    setFlights((list) => list.map((flight, i) => (i === index ? { ...flight, ...patch } : flight)));
  const move = (index: number, by: number) =>
    setRules((list) => {
      const next = [...list];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const cell = "px-1 py-1 align-top";
  const fieldError = (path: string) => {
    const text = err(path);
    return text ? <p className="mt-0.5 text-xs text-danger-700">{text}</p> : null;
  };
  return (
    <Card data-testid="incident-compensation-rules">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("rules")}</CardTitle>
        <CardDescription>{hints.rules}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className={cell}>#</th>
              <th className={cell}>{t("condition")}</th>
              <th className={cell}>{t("kind")}</th>
              <th className={cell}>{t("amount")}</th>
              <th className={cell}>{t("currency")}</th>
              <th className={cell} />
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={index} data-testid="compensation-rule">
                <td className={`${cell} pt-2 text-slate-500`}>{index + 1}</td>
                <td className={cell}>
                  <div className="flex flex-wrap items-center gap-1">
                    <Select
                      aria-label={t("condition")}
                      value={rule.condition}
                      disabled={!editable}
                      onChange={(event) => setRule(index, { condition: event.target.value as Condition })}
                      className="w-auto"
                    >
                      {CONDITIONS.map((value) => (
                        <option key={value} value={value}>
                          {t(`conditions.${value}`)}
                        </option>
                      ))}
                    </Select>
                    {rule.condition === "delay_at_least" ? (
                      <Input
                        aria-label={t("hours")}
                        type="number"
                        min={0.5}
                        step={0.5}
                        value={rule.hours}
                        disabled={!editable}
                        onChange={(event) => setRule(index, { hours: event.target.value })}
                        className="w-20"
                      />
                    ) : null}
                    {rule.condition === "delay_at_least" ? (
                      <span className="text-xs text-slate-500">{t("hoursUnit")}</span>
                    ) : null}
                    {rule.condition === "category" ? (
                      <Select
                        aria-label={t("category")}
                        value={rule.categoryId}
                        disabled={!editable}
                        onChange={(event) => setRule(index, { categoryId: event.target.value })}
                        className="w-auto"
                      >
                        <option value="">—</option>
                        {categories.map((category) => (
                          <option key={category.id} value={category.id}>
                            {locale === "en" ? category.nameEn : category.nameZh}
                          </option>
                        ))}
                      </Select>
                    ) : null}
                  </div>
                  {fieldError(`rules.${index}.condition`)}
                </td>
                <td className={cell}>
                  <Select
                    aria-label={t("kind")}
                    value={rule.compensation}
                    disabled={!editable}
                    onChange={(event) =>
                      setRule(index, { compensation: event.target.value as RuleDraft["compensation"] })
                    }
                    className="w-auto min-w-28"
                  >
                    {COMPENSATION_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {tKinds(kind)}
                      </option>
                    ))}
                  </Select>
                  {fieldError(`rules.${index}.compensation`)}
                </td>
                <td className={cell}>
                  <Input
                    aria-label={t("amount")}
                    inputMode="decimal"
                    value={rule.amount}
                    disabled={!editable}
                    onChange={(event) => setRule(index, { amount: event.target.value })}
                    className="w-24"
                  />
                  {fieldError(`rules.${index}.amount`)}
                </td>
                <td className={cell}>
                  <Input
                    aria-label={t("currency")}
                    value={rule.currency}
                    maxLength={3}
                    disabled={!editable}
                    onChange={(event) => setRule(index, { currency: event.target.value.toUpperCase() })}
                    className="w-16 font-mono"
                  />
                  {fieldError(`rules.${index}.currency`)}
                </td>
                <td className={`${cell} whitespace-nowrap text-right`}>
                  {editable ? (
                    <>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={t("up")}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <ArrowUp className="size-4" aria-hidden />
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={t("down")}
                        disabled={index === rules.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <ArrowDown className="size-4" aria-hidden />
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={t("remove")}
                        onClick={() => setRules((list) => list.filter((_, i) => i !== index))}
                      >
                        <Trash2 className="size-4" aria-hidden />
                      </Button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rules.length === 0 ? <p className="text-sm text-slate-500">{t("noRules")}</p> : null}
        {editable ? (
          <div>
            <Button variant="secondary" size="sm" onClick={() => setRules((list) => [...list, NEW_RULE])}>
              <Plus className="size-4" aria-hidden />
              {t("addRule")}
            </Button>
          </div>
        ) : null}

        <div>
          <h3 className="text-sm font-medium text-slate-800">{t("flights")}</h3>
          <p className="text-xs text-slate-500">{hints.flights}</p>
        </div>
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className={cell}>{t("flight")}</th>
              <th className={cell}>{t("serviceDate")}</th>
              <th className={cell}>{t("delayHours")}</th>
              <th className={cell}>{t("overnight")}</th>
              <th className={cell}>{t("cancelled")}</th>
              <th className={cell} />
            </tr>
          </thead>
          <tbody>
            {flights.map((flight, index) => (
              <tr key={index} data-testid="compensation-flight">
                <td className={cell}>
                  <Input
                    aria-label={t("flight")}
                    value={flight.flightNumber}
                    disabled={!editable}
                    onChange={(event) => setFlight(index, { flightNumber: event.target.value.toUpperCase() })}
                    className="w-24 font-mono"
                  />
                  {fieldError(`flights.${index}.flightNumber`)}
                </td>
                <td className={cell}>
                  <Input
                    aria-label={t("serviceDate")}
                    type="date"
                    value={flight.serviceDate}
                    disabled={!editable}
                    onChange={(event) => setFlight(index, { serviceDate: event.target.value })}
                    className="w-40"
                  />
                  {fieldError(`flights.${index}.serviceDate`)}
                </td>
                <td className={cell}>
                  <Input
                    aria-label={t("delayHours")}
                    type="number"
                    min={0}
                    step={0.5}
                    value={flight.delayHours}
                    disabled={!editable}
                    onChange={(event) => setFlight(index, { delayHours: event.target.value })}
                    className="w-20"
                  />
                  {fieldError(`flights.${index}.delayHours`)}
                </td>
                <td className={`${cell} pt-2`}>
                  <input
                    type="checkbox"
                    aria-label={t("overnight")}
                    checked={flight.overnight}
                    disabled={!editable}
                    onChange={(event) => setFlight(index, { overnight: event.target.checked })}
                    className="focus-ring size-4"
                  />
                </td>
                <td className={`${cell} pt-2`}>
                  <input
                    type="checkbox"
                    aria-label={t("cancelled")}
                    checked={flight.cancelled}
                    disabled={!editable}
                    onChange={(event) => setFlight(index, { cancelled: event.target.checked })}
                    className="focus-ring size-4"
                  />
                </td>
                <td className={`${cell} text-right`}>
                  {editable ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("remove")}
                      onClick={() => setFlights((list) => list.filter((_, i) => i !== index))}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable ? (
          <div>
            <Button variant="secondary" size="sm" onClick={() => setFlights((list) => [...list, NEW_FLIGHT])}>
              <Plus className="size-4" aria-hidden />
              {t("addFlight")}
            </Button>
          </div>
        ) : null}
        {message ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {message}
          </p>
        ) : null}
        {editable ? (
          <div className="flex justify-end">
            <Button
              disabled={pending}
              onClick={() => run(() => compensationRulesAction(id, toInput(rules, flights, version)), t("saved"))}
            >
              {t("save")}
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
