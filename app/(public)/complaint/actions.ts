"use server";
// Server action behind the public complaint form: client address and UI language from the request, then the
// public intake use case. Works as a plain form post when JavaScript is off.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { submitPublicComplaint } from "@/lib/public/intake";
import { HONEYPOT_FIELD } from "@/lib/public/spam";
import { clientIp } from "@/lib/security/client-ip";
import type { ComplaintFormState } from "@/components/public/form-state";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const submitComplaintAction = guardAction("submitComplaintAction", z.tuple([actionArg.formState, actionArg.formData]), async (_previous: unknown, formData: FormData): Promise<ComplaintFormState> => {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    // React adds its own "$ACTION_…" fields for no-JS posts; only the form's fields matter here.
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  const result = await submitPublicComplaint({ ip: clientIp(await headers()), locale: await getLocale() }, values);
  const { [HONEYPOT_FIELD]: _honeypot, ...echo } = values;
  return { result, values: result.ok ? {} : echo };
}, (failure) => ({ result: failure, values: {} }));
