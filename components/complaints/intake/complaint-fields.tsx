"use client";
// Classification and description of the complaint; priority is pre-filled with severity × tier and overridable.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Sparkles } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useFieldError } from "@/components/complaints/intake/use-field-error";
import type { IntakeFormValues } from "@/components/complaints/intake/intake-values";
import { derivePriority } from "@/lib/complaints/priority";
import { COMPLAINT_TYPES, PRIORITIES } from "@/lib/complaints/constants";

type Labelled = { id: number; label: string };
export type IntakeOptions = {
  channels: Labelled[];
  categories: Labelled[];
  subcategories: (Labelled & { parentId: number })[];
  touchpoints: Labelled[];
  severities: (Labelled & { rank: number })[];
  tiers: (Labelled & { code: string; rank: number; escalateOnCreate: boolean })[];
};

type ComplaintFieldsProps = {
  options: IntakeOptions;
  pickedTierCode: string | null;
  priorityOverridden: boolean;
  onPriorityOverride: (overridden: boolean) => void;
};

function Choices({ items, empty }: { items: Labelled[]; empty: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {items.map((item) => (
        <option key={item.id} value={String(item.id)}>
          {item.label}
        </option>
      ))}
    </>
  );
}

export function ComplaintFields({
  options,
  pickedTierCode,
  priorityOverridden,
  onPriorityOverride,
}: ComplaintFieldsProps) {
  const t = useTranslations("intake");
  const tPriority = useTranslations("priority");
  const { register, control, setValue } = useFormContext<IntakeFormValues>();
  const errorOf = useFieldError();
  const [mode, tierId, categoryId, severityId, priority] = useWatch({
    control,
    name: ["customerMode", "customer.tierId", "categoryId", "severityId", "priority"],
  });

  const severity = options.severities.find((row) => String(row.id) === severityId);
  const tier =
    mode === "existing"
      ? options.tiers.find((row) => row.code === pickedTierCode)
      : options.tiers.find((row) => String(row.id) === tierId);
  const suggestion = severity ? derivePriority(severity.rank, tier ?? null) : null;
  const subcategories = options.subcategories.filter((row) => String(row.parentId) === categoryId);

  // Follow the suggestion until the agent picks a priority themselves.
  useEffect(() => {
    if (!priorityOverridden) setValue("priority", suggestion ?? "");
  }, [suggestion, priorityOverridden, setValue]);

  const category = register("categoryId");
  const priorityField = register("priority");

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sections.complaint")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <FormField label={t("fields.channel")} error={errorOf("channelId")}>
            <Select {...register("channelId")} data-testid="intake-channel">
              <Choices items={options.channels} empty={t("fields.choose")} />
            </Select>
          </FormField>
          <FormField label={t("fields.type")} error={errorOf("type")}>
            <Select {...register("type")}>
              {COMPLAINT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("fields.touchpoint")} error={errorOf("touchpointId")}>
            <Select {...register("touchpointId")}>
              <Choices items={options.touchpoints} empty={t("fields.none")} />
            </Select>
          </FormField>
          <FormField label={t("fields.category")} error={errorOf("categoryId")}>
            <Select
              {...category}
              onChange={(event) => {
                void category.onChange(event);
                setValue("subcategoryId", "");
              }}
            >
              <Choices items={options.categories} empty={t("fields.none")} />
            </Select>
          </FormField>
          <FormField label={t("fields.subcategory")} error={errorOf("subcategoryId")}>
            <Select {...register("subcategoryId")} disabled={subcategories.length === 0}>
              <Choices items={subcategories} empty={categoryId ? t("fields.none") : t("fields.chooseCategoryFirst")} />
            </Select>
          </FormField>
          <FormField label={t("fields.severity")} error={errorOf("severityId")}>
            <Select {...register("severityId")} data-testid="intake-severity">
              <Choices items={options.severities} empty={t("fields.choose")} />
            </Select>
          </FormField>
          <FormField
            label={t("fields.priority")}
            error={errorOf("priority")}
            hint={suggestion ? t("priorityHint", { priority: tPriority(suggestion) }) : undefined}
            labelAction={
              suggestion && priority === suggestion ? (
                <Badge tone="brand">
                  <Sparkles aria-hidden className="size-3" />
                  {t("prioritySuggested")}
                </Badge>
              ) : suggestion ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="h-6 px-1.5 text-xs"
                  onClick={() => onPriorityOverride(false)}
                >
                  {t("useSuggestion")}
                </Button>
              ) : null
            }
          >
            <Select
              {...priorityField}
              onChange={(event) => {
                void priorityField.onChange(event);
                onPriorityOverride(true);
              }}
            >
              <option value="">{t("fields.choose")}</option>
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {tPriority(value)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("fields.bookingReference")} error={errorOf("bookingReference")}>
            <Input autoComplete="off" {...register("bookingReference")} />
          </FormField>
          <FormField label={t("fields.flightNumber")} error={errorOf("flightNumber")}>
            <Input autoComplete="off" className="uppercase" {...register("flightNumber")} />
          </FormField>
          <FormField label={t("fields.serviceDate")} error={errorOf("serviceDate")}>
            <Input type="date" {...register("serviceDate")} />
          </FormField>
        </div>
        <FormField label={t("fields.subject")} error={errorOf("subject")}>
          <Input autoComplete="off" maxLength={200} {...register("subject")} data-testid="intake-subject" />
        </FormField>
        <FormField label={t("fields.description")} error={errorOf("description")}>
          <Textarea rows={6} maxLength={10000} {...register("description")} data-testid="intake-description" />
        </FormField>
      </CardContent>
    </Card>
  );
}
