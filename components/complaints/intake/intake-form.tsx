"use client";
// "Log a complaint in under a minute": customer (search or new), classification, description; Ctrl+Enter saves.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type KeyboardEvent } from "react";
import { FormProvider, useForm, useWatch, type FieldErrors, type Path, type Resolver } from "react-hook-form";
import { AlertCircle, UserPlus, UserSearch } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CustomerSearch } from "@/components/complaints/intake/customer-search";
import { CustomerSummary } from "@/components/complaints/intake/customer-summary";
import { ComplaintFields, type IntakeOptions } from "@/components/complaints/intake/complaint-fields";
import { NewCustomerFields } from "@/components/complaints/intake/new-customer-fields";
import { useFieldError } from "@/components/complaints/intake/use-field-error";
import { emptyIntake, toCreateInput, type IntakeFormValues } from "@/components/complaints/intake/intake-values";
import { createComplaintAction } from "@/lib/complaints/actions";
import {
  IntakeAttachments,
  uploadIntakeFiles,
  type PickedFile,
} from "@/components/complaints/intake/intake-attachments";
import type { CustomerSearchHit } from "@/lib/customers/queries";
import type { AppLocale } from "@/lib/i18n/locales";

const FORM_PATHS = new Set<string>([
  "customer.id",
  "customer.name",
  "customer.phone",
  "customer.email",
  "customer.membershipNumber",
  "customer.locale",
  "customer.tierId",
  "customer.preferredChannel",
  "channelId",
  "type",
  "categoryId",
  "subcategoryId",
  "touchpointId",
  "severityId",
  "priority",
  "subject",
  "description",
  "bookingReference",
  "flightNumber",
  "serviceDate",
]);

/** Validation loads zod and the complaint schemas on first use (intake-resolver.ts), not with the page. */
const lazyResolver: Resolver<IntakeFormValues> = async (values, context, options) => {
  const { intakeResolver } = await import("@/components/complaints/intake/intake-resolver");
  return intakeResolver(values, context, options);
};

function isFormPath(key: string): key is Path<IntakeFormValues> {
  return FORM_PATHS.has(key);
}

function countErrors(errors: FieldErrors<IntakeFormValues>): number {
  const customer = errors.customer
    ? Object.keys(errors.customer).filter((key) => key !== "ref" && key !== "message" && key !== "type").length
    : 0;
  return customer + Object.keys(errors).filter((key) => key !== "customer" && key !== "root").length;
}

type IntakeFormProps = { options: IntakeOptions; defaultChannelId: string; locale: AppLocale };

export function IntakeForm({ options, defaultChannelId, locale }: IntakeFormProps) {
  const t = useTranslations("intake");
  const tFiles = useTranslations("attachments");
  const form = useForm<IntakeFormValues>({
    resolver: lazyResolver,
    defaultValues: emptyIntake({ channelId: defaultChannelId, locale }),
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [picked, setPicked] = useState<CustomerSearchHit | null>(null);
  const [priorityOverridden, setPriorityOverridden] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [failedUploads, setFailedUploads] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const mode = useWatch({ control: form.control, name: "customerMode" });

  const pick = (hit: CustomerSearchHit) => {
    setPicked(hit);
    form.setValue("customerMode", "existing");
    form.setValue("customer.id", String(hit.id));
    form.clearErrors("customer");
  };
  const switchMode = (next: "existing" | "new") => {
    setPicked(null);
    form.setValue("customer.id", "");
    form.setValue("customerMode", next);
    form.clearErrors("customer");
  };

  const submit = form.handleSubmit(
    (values) => {
      setSummary(null);
      if (files.some((picked) => picked.error)) {
        setSummary(t("errors.summary", { count: files.filter((picked) => picked.error).length }));
        return;
      }
      startTransition(async () => {
        const outcome = await createComplaintAction(toCreateInput(values, priorityOverridden));
        if (outcome.ok) {
          const failed = await uploadIntakeFiles(outcome.reference, files);
          if (failed.length === 0) {
            router.push(`/complaints/${outcome.reference}`);
            return;
          }
          // Saved, but some files were refused: say which, and offer the complaint (nothing is lost).
          setFailedUploads(failed);
          setSaved(outcome.reference);
          return;
        }
        const failure = outcome;
        const unplaced: string[] = [];
        for (const [key, messages] of Object.entries(failure.fields ?? {})) {
          if (isFormPath(key))
            form.setError(key, { type: "server", message: messages[0] }, { shouldFocus: unplaced.length === 0 });
          else unplaced.push(key);
        }
        const count = Object.keys(failure.fields ?? {}).length;
        setSummary(
          failure.error === "forbidden"
            ? t("errors.forbidden")
            : count > 0
              ? t("errors.summary", { count })
              : t("errors.failed"),
        );
      });
    },
    (errors) => setSummary(t("errors.summary", { count: countErrors(errors) })),
  );

  // Enter in a single-line input must not save half a complaint (e.g. while choosing a customer); Ctrl/⌘+Enter saves.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter") return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
    } else if (event.target instanceof HTMLInputElement) {
      event.preventDefault();
    }
  };

  return (
    <FormProvider {...form}>
      <form
        onSubmit={submit}
        onKeyDown={onKeyDown}
        noValidate
        className="flex flex-col gap-6"
        data-testid="intake-form"
      >
        {summary ? (
          <div
            role="alert"
            data-testid="intake-error-summary"
            className="flex items-center gap-2 rounded-lg border border-danger-100 bg-danger-50 px-4 py-3 text-sm font-medium text-danger-700"
          >
            <AlertCircle aria-hidden className="size-4 shrink-0" />
            {summary}
          </div>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>{t("sections.customer")}</CardTitle>
            {mode === "existing" ? (
              <Button size="sm" variant="ghost" onClick={() => switchMode("new")} data-testid="intake-new-customer">
                <UserPlus aria-hidden />
                {t("customer.newCustomer")}
              </Button>
            ) : (
              <Button size="sm" variant="ghost" onClick={() => switchMode("existing")}>
                <UserSearch aria-hidden />
                {t("customer.findExisting")}
              </Button>
            )}
          </CardHeader>
          <CardContent>
            {mode === "new" ? (
              <NewCustomerFields
                tiers={options.tiers.map((tier) => ({ value: String(tier.id), label: tier.label }))}
                onUse={pick}
              />
            ) : picked ? (
              <div
                className="flex items-start justify-between gap-3 rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200"
                data-testid="intake-picked-customer"
              >
                <div>
                  <p className="mb-1 text-xs font-medium text-slate-500">{t("customer.selected")}</p>
                  <CustomerSummary hit={picked} />
                </div>
                <Button size="sm" variant="secondary" onClick={() => switchMode("existing")}>
                  {t("customer.change")}
                </Button>
              </div>
            ) : (
              <CustomerPickError>{(error) => <CustomerSearch onPick={pick} error={error} />}</CustomerPickError>
            )}
          </CardContent>
        </Card>
        <ComplaintFields
          options={options}
          pickedTierCode={picked?.tier?.code ?? null}
          priorityOverridden={priorityOverridden}
          onPriorityOverride={setPriorityOverridden}
        />
        <IntakeAttachments files={files} onChange={setFiles} failed={failedUploads} />
        {saved ? (
          <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {tFiles("savedWithFailures", { reference: saved, count: failedUploads.length })}{" "}
            <Link href={`/complaints/${saved}`} className="font-medium underline">
              {tFiles("openComplaint")}
            </Link>
          </div>
        ) : null}
        <div className="flex flex-col-reverse items-start gap-3 sm:flex-row sm:items-center sm:justify-end">
          <p className="text-xs text-slate-500">{t("shortcut")}</p>
          <Button type="submit" size="lg" disabled={pending} data-testid="intake-submit">
            {pending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function CustomerPickError({ children }: { children: (error: string | undefined) => React.ReactNode }) {
  const errorOf = useFieldError();
  return <>{children(errorOf("customer.id"))}</>;
}
