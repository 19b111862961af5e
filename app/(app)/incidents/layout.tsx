import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// Incident pages: their client components also need the contingency plan and data breach namespaces.
export default function IncidentsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="incidents">{children}</ClientMessages>;
}
