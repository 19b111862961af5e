"use client";
// Holidays and adjusted working days (调休): date, kind, name; add and remove rows.
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { HolidayKind } from "@/lib/generated/prisma/enums";
import { holidayKey, type HolidayDraft } from "./calendar-draft";

type Props = {
  holidays: HolidayDraft[];
  onChange: (holidays: HolidayDraft[]) => void;
  rowError: (index: number) => string | undefined;
};

export function HolidaysEditor({ holidays, onChange, rowError }: Props) {
  const t = useTranslations("adminCalendars");
  const update = (index: number, patch: Partial<HolidayDraft>) =>
    onChange(holidays.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  return (
    <div className="flex flex-col gap-2" data-testid="holidays">
      {holidays.length === 0 ? <p className="text-[13px] text-slate-500">{t("form.noHolidays")}</p> : null}
      {holidays.length > 0 ? (
        <div className="max-h-96 overflow-y-auto rounded-md border border-slate-200">
          {holidays.map((holiday, index) => {
            const error = rowError(index);
            return (
              <div
                key={holiday.key}
                className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2 last:border-b-0"
              >
                <Input
                  type="date"
                  value={holiday.date}
                  onChange={(e) => update(index, { date: e.currentTarget.value })}
                  className="w-40"
                  aria-label={t("form.holidayDate", { n: index + 1 })}
                  aria-invalid={error ? true : undefined}
                />
                <Select
                  value={holiday.kind}
                  onChange={(e) => update(index, { kind: e.currentTarget.value === "workday" ? "workday" : "holiday" })}
                  className="w-36"
                  aria-label={t("form.holidayKind", { n: index + 1 })}
                >
                  {Object.values(HolidayKind).map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`kinds.${kind}`)}
                    </option>
                  ))}
                </Select>
                <Input
                  value={holiday.name}
                  onChange={(e) => update(index, { name: e.currentTarget.value })}
                  className="min-w-40 flex-1"
                  maxLength={80}
                  aria-label={t("form.holidayName", { n: index + 1 })}
                  aria-invalid={error ? true : undefined}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  onClick={() => onChange(holidays.filter((_, i) => i !== index))}
                  aria-label={t("form.removeHoliday", { n: index + 1 })}
                >
                  <X aria-hidden />
                </Button>
                {error ? <p className="w-full text-xs font-medium text-danger-700">{error}</p> : null}
              </div>
            );
          })}
        </div>
      ) : null}
      <div>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => onChange([...holidays, { key: holidayKey(), date: "", kind: "holiday", name: "" }])}
        >
          <Plus aria-hidden />
          {t("form.addHoliday")}
        </Button>
      </div>
    </div>
  );
}
