"use client";
// The one-time set-password link, shown once after an invitation, with a copy button (for installations without mail).
import { useTranslations } from "next-intl";
import { CopyField } from "@/components/ui/copy-field";

export function InviteLink({ url }: { url: string }) {
  const t = useTranslations("userAdmin.link");
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("description")}</p>
      <CopyField
        value={url}
        label={t("label")}
        texts={{ copy: t("copy"), copied: t("copied") }}
        testId="set-password-link"
      />
    </div>
  );
}
