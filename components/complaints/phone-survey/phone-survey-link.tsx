// The survey panel's way into the phone 回访 recording page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PhoneCall } from "lucide-react";
import { Button } from "@/components/ui/button";

export function PhoneSurveyLink({ reference }: { reference: string }) {
  const t = useTranslations("phoneSurvey");
  return (
    <div className="flex flex-col gap-1">
      <Button asChild variant="secondary" size="sm" className="self-start">
        <Link href={`/complaints/${encodeURIComponent(reference)}/phone-survey`} data-testid="phone-survey-open">
          <PhoneCall aria-hidden className="size-4" />
          {t("open")}
        </Link>
      </Button>
      <p className="text-xs text-slate-500">{t("openHint")}</p>
    </div>
  );
}
