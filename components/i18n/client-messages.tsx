import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages, type ClientMessageArea } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below the namespaces their area needs (lib/i18n/client-messages.ts), not the whole
 * catalogue.
 */
export async function ClientMessages({ area, children }: { area: ClientMessageArea; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, CLIENT_NAMESPACES[area])}>
      {children}
    </NextIntlClientProvider>
  );
}
