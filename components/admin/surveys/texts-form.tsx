"use client";
// Survey wording per language: an empty field means the built-in text (shown as the placeholder) applies.
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { saveSurveyTextsAction } from "@/lib/surveys/actions";
import { SURVEY_TEXT_KEYS, SURVEY_TEXT_MAX, type SurveyTextKey } from "@/lib/surveys/text-keys";
import { useAdminAction } from "@/components/admin/surveys/use-admin-action";

type DbLocale = "zh_CN" | "en";
type Props = {
  texts: Record<DbLocale, Record<SurveyTextKey, string>>;
  builtIn: Record<DbLocale, Record<SurveyTextKey, string>>;
};

const LOCALES: DbLocale[] = ["zh_CN", "en"];
// Message keys cannot contain dots (next-intl nests on them).
const LABELS = {
  intro: "intro",
  "csat.question": "csatQuestion",
  "resolved.question": "resolvedQuestion",
  "nps.question": "npsQuestion",
  "ces.question": "cesQuestion",
  "comment.label": "commentLabel",
  thanks: "thanks",
  expired: "expired",
} as const satisfies Record<SurveyTextKey, string>;

function LocaleTexts({
  locale,
  texts,
  builtIn,
}: {
  locale: DbLocale;
  texts: Record<SurveyTextKey, string>;
  builtIn: Record<SurveyTextKey, string>;
}) {
  const t = useTranslations("surveyAdmin.texts");
  const { toast } = useToast();
  const router = useRouter();
  const action = useAdminAction();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      locale,
      texts: Object.fromEntries(SURVEY_TEXT_KEYS.map((key) => [key, String(form.get(key) ?? "")])),
    };
    action.run(
      () => saveSurveyTextsAction(input),
      () => {
        toast({ tone: "success", title: t("saved") });
        router.refresh();
      },
    );
  };
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      noValidate
      data-testid={`survey-texts-${locale}`}
      lang={locale === "zh_CN" ? "zh-CN" : "en"}
    >
      {SURVEY_TEXT_KEYS.map((key) => (
        <FormField key={key} label={t(`keys.${LABELS[key]}`)} error={action.fieldError(`texts.${key}`)}>
          <Textarea
            name={key}
            rows={2}
            maxLength={SURVEY_TEXT_MAX}
            defaultValue={texts[key]}
            placeholder={builtIn[key]}
          />
        </FormField>
      ))}
      {action.formError ? (
        <p role="alert" className="text-sm text-danger-700">
          {action.formError}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={action.pending}>
          {action.pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}

export function SurveyTextsForm({ texts, builtIn }: Props) {
  const t = useTranslations("surveyAdmin.texts");
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="zh_CN">
          <TabsList aria-label={t("language")}>
            {LOCALES.map((locale) => (
              <TabsTrigger key={locale} value={locale}>
                {t(`locales.${locale}`)}
              </TabsTrigger>
            ))}
          </TabsList>
          {LOCALES.map((locale) => (
            <TabsContent key={locale} value={locale} className="pt-4">
              <LocaleTexts locale={locale} texts={texts[locale]} builtIn={builtIn[locale]} />
            </TabsContent>
          ))}
        </Tabs>
      </CardContent>
    </Card>
  );
}
