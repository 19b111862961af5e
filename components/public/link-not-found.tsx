// An unknown or mistyped private link (tracking, survey): the public layout stays, with a way to contact us instead.
import { SearchX } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

type Props = { testId: string; title: string; description: string; action: string };

export function LinkNotFound({ testId, title, description, action }: Props) {
  return (
    <div data-testid={testId} className="rounded-xl border border-slate-200 bg-white shadow-card">
      <StatusPage
        icon={SearchX}
        code="404"
        title={title}
        description={description}
        actions={
          <Button asChild size="lg">
            <Link href="/complaint">{action}</Link>
          </Button>
        }
      />
    </div>
  );
}
