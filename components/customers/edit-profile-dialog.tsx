"use client";
// Edits a customer's profile; only changed fields are sent, with the version the form was opened with.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CONTACT_CHANNELS, type ContactChannelCode } from "@/lib/customers/contact-channels";
import { useState, useTransition, type FormEvent } from "react";
import { Pencil } from "lucide-react";
import { updateCustomerAction } from "@/lib/customers/actions";
import { useFieldErrors } from "@/components/customers/use-field-errors";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";

export type EditableProfile = {
  id: number;
  version: number;
  name: string;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  locale: "zh_CN" | "en";
  membershipNumber: string | null;
  tierId: number | null;
  company: string | null;
  tags: string[];
  specialNeeds: string | null;
  consentContact: boolean;
  consentSurvey: boolean;
  consentMarketing: boolean;
  preferredChannel: ContactChannelCode | null;
};

type Props = {
  profile: EditableProfile;
  tiers: { id: number; label: string }[];
  canEditIdentity: boolean;
  canEditContact: boolean;
};

type Draft = Record<
  | "name"
  | "phone"
  | "email"
  | "idNumber"
  | "membershipNumber"
  | "company"
  | "specialNeeds"
  | "tags"
  | "tierId"
  | "locale"
  | "preferredChannel",
  string
> &
  Record<"consentContact" | "consentSurvey" | "consentMarketing", boolean>;

function draftOf(profile: EditableProfile): Draft {
  return {
    name: profile.name,
    phone: profile.phone ?? "",
    email: profile.email ?? "",
    idNumber: profile.idNumber ?? "",
    membershipNumber: profile.membershipNumber ?? "",
    company: profile.company ?? "",
    specialNeeds: profile.specialNeeds ?? "",
    tags: profile.tags.join(", "),
    tierId: profile.tierId ? String(profile.tierId) : "",
    locale: profile.locale === "en" ? "en" : "zh-CN",
    consentContact: profile.consentContact,
    consentSurvey: profile.consentSurvey,
    consentMarketing: profile.consentMarketing,
    preferredChannel: profile.preferredChannel ?? "",
  };
}

export function EditProfileDialog({ profile, tiers, canEditIdentity, canEditContact }: Props) {
  const t = useTranslations("customers.edit");
  const { toast } = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const { errorFor, setErrors, clear } = useFieldErrors();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  function onOpenChange(next: boolean) {
    if (next) {
      setDraft(draftOf(profile));
      clear();
    }
    setOpen(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const initial = draftOf(profile);
    const changes: Record<string, unknown> = {};
    const textFields = [
      "membershipNumber",
      "company",
      "specialNeeds",
      ...(canEditContact ? (["phone", "email"] as const) : []),
      ...(canEditIdentity && canEditContact ? (["idNumber"] as const) : []),
    ] as const;
    for (const key of textFields) if (draft[key] !== initial[key]) changes[key] = draft[key];
    if (canEditIdentity && draft.name !== initial.name) changes.name = draft.name;
    if (draft.tags !== initial.tags)
      changes.tags = draft.tags
        .split(/[,，]/)
        .map((tag) => tag.trim())
        .filter(Boolean);
    if (draft.tierId !== initial.tierId) changes.tierId = draft.tierId ? Number(draft.tierId) : null;
    if (draft.locale !== initial.locale) changes.locale = draft.locale;
    if (draft.preferredChannel !== initial.preferredChannel) changes.preferredChannel = draft.preferredChannel || null;
    for (const key of ["consentContact", "consentSurvey", "consentMarketing"] as const)
      if (draft[key] !== initial[key]) changes[key] = draft[key];
    if (Object.keys(changes).length === 0) {
      toast({ tone: "info", title: t("nothingChanged") });
      setOpen(false);
      return;
    }
    startTransition(async () => {
      const result = await updateCustomerAction(profile.id, { version: profile.version, ...changes });
      if (result.ok) {
        setOpen(false);
        toast({ tone: "success", title: t("saved") });
        router.refresh();
      } else if (result.error === "conflict") {
        setOpen(false);
        toast({ tone: "error", title: t("conflict") });
        router.refresh();
      } else {
        setErrors(result.fields ?? {});
        if (!result.fields) toast({ tone: "error", title: t("failed", { message: result.message }) });
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Pencil aria-hidden />
          {t("title")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
          <FormField
            label={t("name")}
            error={errorFor("name")}
            hint={canEditIdentity ? undefined : t("nameLocked")}
            className="sm:col-span-2"
          >
            <Input
              value={draft.name}
              onChange={(event) => set("name", event.target.value)}
              disabled={!canEditIdentity}
              maxLength={120}
            />
          </FormField>
          <FormField label={t("phone")} error={errorFor("phone")} hint={canEditContact ? undefined : t("piiLocked")}>
            <Input
              value={draft.phone}
              onChange={(event) => set("phone", event.target.value)}
              disabled={!canEditContact}
              inputMode="tel"
              maxLength={40}
            />
          </FormField>
          <FormField label={t("email")} error={errorFor("email")}>
            <Input
              type="email"
              value={draft.email}
              onChange={(event) => set("email", event.target.value)}
              disabled={!canEditContact}
              maxLength={254}
            />
          </FormField>
          <FormField label={t("idNumber")} error={errorFor("idNumber")}>
            <Input
              value={draft.idNumber}
              onChange={(event) => set("idNumber", event.target.value)}
              disabled={!canEditIdentity || !canEditContact}
              maxLength={40}
            />
          </FormField>
          <FormField label={t("membership")} error={errorFor("membershipNumber")}>
            <Input
              value={draft.membershipNumber}
              onChange={(event) => set("membershipNumber", event.target.value)}
              maxLength={40}
            />
          </FormField>
          <FormField label={t("tier")} error={errorFor("tierId")}>
            {(control) => (
              <Select {...control} value={draft.tierId} onChange={(event) => set("tierId", event.target.value)}>
                <option value="">{t("noTier")}</option>
                {tiers.map((tier) => (
                  <option key={tier.id} value={tier.id}>
                    {tier.label}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={t("language")}>
            {(control) => (
              <Select {...control} value={draft.locale} onChange={(event) => set("locale", event.target.value)}>
                <option value="zh-CN">中文</option>
                <option value="en">English</option>
              </Select>
            )}
          </FormField>
          <FormField label={t("preferredChannel")} error={errorFor("preferredChannel")}>
            {(control) => (
              <Select
                {...control}
                value={draft.preferredChannel}
                onChange={(event) => set("preferredChannel", event.target.value)}
                data-testid="edit-preferred-channel"
              >
                <option value="">{t("preferredChannelAuto")}</option>
                {CONTACT_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`channels.${channel}`)}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={t("company")} error={errorFor("company")}>
            <Input value={draft.company} onChange={(event) => set("company", event.target.value)} maxLength={200} />
          </FormField>
          <FormField label={t("tags")} error={errorFor("tags")} hint={t("tagsHint")}>
            <Input value={draft.tags} onChange={(event) => set("tags", event.target.value)} />
          </FormField>
          <FormField label={t("specialNeeds")} error={errorFor("specialNeeds")} className="sm:col-span-2">
            <Textarea
              rows={2}
              value={draft.specialNeeds}
              onChange={(event) => set("specialNeeds", event.target.value)}
              maxLength={1000}
            />
          </FormField>
          <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700 sm:col-span-2">
            {(["consentContact", "consentSurvey", "consentMarketing"] as const).map((key) => (
              <label key={key} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={draft[key]}
                  onChange={(event) => set(key, event.target.checked)}
                />
                {t(key)}
              </label>
            ))}
          </fieldset>
          <DialogFooter className="sm:col-span-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
