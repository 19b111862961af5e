// One full-panel message of the survey page (thanks / expired / unavailable): no hooks, so the server page and the
// client form (after a successful submission) render the same card.
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { StatusPage } from "@/components/shell/status-page";

type SurveyNoticeProps = {
  icon: LucideIcon;
  title: string;
  description: ReactNode;
  testId: string;
  actions?: ReactNode;
};

export function SurveyNotice({ icon, title, description, testId, actions }: SurveyNoticeProps) {
  return (
    <div data-testid={testId} className="rounded-xl border border-slate-200 bg-white shadow-card">
      <StatusPage icon={icon} title={title} description={description} actions={actions} className="py-14" />
    </div>
  );
}
