"use server";
// Server actions of the public pages (complaint form, tracking reply; both also post without JavaScript) and the
// service-contact card on /admin/setup: thin adapters over lib/public.
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { actionArg, defineAction, definePublicAction } from "@/lib/actions/define";
import { submitPublicComplaint } from "@/lib/public/intake";
import { updateServiceContact } from "@/lib/public/service-contact";
import { HONEYPOT_FIELD } from "@/lib/public/spam";
import { postTrackingReply } from "@/lib/public/tracking";
import { clientIp } from "@/lib/security/client-ip";
import type { ComplaintFormState, TrackingReplyState } from "@/components/public/form-state";

export const saveServiceContactAction = defineAction(
  {
    name: "saveServiceContactAction",
    permission: "admin.config",
    args: [actionArg.input],
    revalidate: ["/admin/setup"],
  },
  async (actor, input) => {
    const result = await updateServiceContact(actor, input);
    return result.ok
      ? { ok: true as const, hotline: result.contact.hotline, version: result.contact.updatedAt?.toISOString() ?? "" }
      : result;
  },
);

/** Client address and UI language from the request, then the public intake use case. */
export const submitComplaintAction = definePublicAction(
  {
    name: "submitComplaintAction",
    args: [actionArg.formState, actionArg.formData],
    refused: (failure): ComplaintFormState => ({ result: failure, values: {} }),
  },
  async (_previous, formData): Promise<ComplaintFormState> => {
    const values: Record<string, string> = {};
    for (const [key, value] of formData.entries()) {
      // React adds its own "$ACTION_…" fields for no-JS posts; only the form's fields matter here.
      if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
    }
    const result = await submitPublicComplaint({ ip: clientIp(await headers()), locale: await getLocale() }, values);
    const { [HONEYPOT_FIELD]: _honeypot, ...echo } = values;
    return { result, values: result.ok ? {} : echo };
  },
);

/** The reply box of the tracking page; the token comes from the form (it is in the page's URL anyway). */
export const postTrackingReplyAction = definePublicAction(
  {
    name: "postTrackingReplyAction",
    args: [actionArg.formState, actionArg.formData],
    refused: (failure): TrackingReplyState => ({ result: failure, body: "", sentAt: null }),
  },
  async (_previous, formData): Promise<TrackingReplyState> => {
    const token = formData.get("token");
    const body = formData.get("body");
    const text = typeof body === "string" ? body : "";
    if (typeof token !== "string" || token.length === 0 || token.length > 200) {
      return { result: { ok: false, error: "not_found", message: "No such complaint." }, body: text, sentAt: null };
    }
    const result = await postTrackingReply(token, { body: text }, new Date(), clientIp(await headers()));
    if (result.ok) revalidatePath(`/track/${token}`);
    return { result, body: result.ok ? "" : text, sentAt: result.ok ? Date.now() : null };
  },
);
