// An article body: Markdown rendered and sanitised on the server (lib/knowledge/markdown.ts). The only HTML injection
// in the app, and only of sanitize-html's output (tests/unit/knowledge-markdown.test.ts keeps it safe).
import { renderArticleMarkdown } from "@/lib/knowledge/markdown";
import { cn } from "@/components/ui/cn";

export function ArticleBody({ source, className, testId }: { source: string; className?: string; testId?: string }) {
  return (
    <div
      data-testid={testId}
      className={cn(
        "max-w-none text-sm leading-6 text-slate-800",
        "[&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1",
        "[&_h1]:mt-4 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold",
        "[&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-2 [&_table]:my-2 [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-5",
        className,
      )}
      dangerouslySetInnerHTML={{ __html: renderArticleMarkdown(source) }}
    />
  );
}
