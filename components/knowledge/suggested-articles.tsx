// Workspace card: the top three published articles for this complaint (lib/knowledge/suggest.ts), one click to open,
// and "this helped" for the ranking. Scripts among them are also offered in the reply composer.
import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { HelpfulButton } from "@/components/knowledge/helpful-button";
import { KIND_TONE } from "@/components/knowledge/labels";
import type { AppLocale } from "@/lib/i18n/locales";
import { markdownToPlainText } from "@/lib/knowledge/markdown";
import type { SuggestedArticle } from "@/lib/knowledge/suggest";

type Props = {
  articles: SuggestedArticle[];
  complaintId: number;
  locale: AppLocale;
  /** Scripts with their placeholders filled for this complaint (shown instead of the raw {{…}} text). */
  filledScripts: Record<number, string>;
};

export async function SuggestedArticles({ articles, complaintId, locale, filledScripts }: Props) {
  const t = await getTranslations("knowledge");
  const en = locale === "en";
  return (
    <Card data-testid="suggested-articles">
      <CardHeader>
        <CardTitle>{t("suggested.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {articles.length === 0 ? (
          <p className="text-[13px] text-slate-500">{t("suggested.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {articles.map((article) => (
              <li key={article.id} className="flex flex-col gap-1" data-testid="suggested-article">
                <div className="flex items-start justify-between gap-2">
                  <Link
                    href={`/knowledge/${article.id}`}
                    target="_blank"
                    className="focus-ring text-sm font-medium text-brand-700 hover:underline"
                    data-testid="suggested-article-open"
                  >
                    {en ? article.titleEn : article.titleZh}
                    <ExternalLink aria-hidden className="ml-1 inline size-3.5" />
                    <span className="sr-only"> ({t("suggested.open")})</span>
                  </Link>
                  <Badge tone={KIND_TONE[article.kind]}>{t(`kinds.${article.kind}`)}</Badge>
                </div>
                <p className="line-clamp-2 text-[13px] text-slate-600">
                  {(filledScripts[article.id] ?? markdownToPlainText(en ? article.bodyEn : article.bodyZh)).slice(
                    0,
                    160,
                  )}
                </p>
                <div>
                  <HelpfulButton articleId={article.id} complaintId={complaintId} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
