"use server";
// Server action behind the reply box of the tracking page. The token comes from the form (it is in the page's URL
// anyway), so the form also posts without JavaScript.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { postTrackingReply } from "@/lib/public/tracking";
import { clientIp } from "@/lib/security/client-ip";
import type { TrackingReplyState } from "@/components/public/form-state";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const postTrackingReplyAction = guardAction("postTrackingReplyAction", z.tuple([actionArg.formState, actionArg.formData]), async (_previous: unknown, formData: FormData): Promise<TrackingReplyState> => {
  const token = formData.get("token");
  const body = formData.get("body");
  const text = typeof body === "string" ? body : "";
  if (typeof token !== "string" || token.length === 0 || token.length > 200) {
    return { result: { ok: false, error: "not_found", message: "No such complaint." }, body: text, sentAt: null };
  }
  const result = await postTrackingReply(token, { body: text }, new Date(), clientIp(await headers()));
  if (result.ok) revalidatePath(`/track/${token}`);
  return { result, body: result.ok ? "" : text, sentAt: result.ok ? Date.now() : null };
}, (failure) => ({ result: failure, body: "", sentAt: null }));
