import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// Administration pages: their client components also need the admin namespaces (lib/i18n/client-messages.ts).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="admin">{children}</ClientMessages>;
}
