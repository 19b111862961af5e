"use client";
// "This helped": one click, counted once per person and complaint; feeds the article's ranking in suggestions.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ThumbsUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { markHelpfulAction } from "@/lib/knowledge/actions";

export function HelpfulButton({ articleId, complaintId }: { articleId: number; complaintId: number | null }) {
  const t = useTranslations("knowledge.suggested");
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={pending || done}
      aria-pressed={done}
      onClick={() =>
        startTransition(async () => {
          const result = await markHelpfulAction(articleId, { complaintId });
          if (result.ok) setDone(true);
        })
      }
      data-testid="article-helpful"
    >
      <ThumbsUp aria-hidden />
      {done ? t("helpedDone") : t("helped")}
    </Button>
  );
}
