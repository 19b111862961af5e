"use server";
// Server actions of sign-in administration (clearing a throttle) and the public set-password form (invitation or
// reset link): thin adapters over lib/auth/throttle-admin.ts and lib/auth/password-tokens.ts.
import { headers } from "next/headers";
import { actionArg, defineAction, definePublicAction } from "@/lib/actions/define";
import { setPasswordWithToken } from "@/lib/auth/password-tokens";
import { clearSignInThrottle } from "@/lib/auth/throttle-admin";
import { clientIp } from "@/lib/security/client-ip";

export const clearSignInThrottleAction = defineAction(
  {
    name: "clearSignInThrottleAction",
    permission: "admin.users",
    args: [actionArg.input],
    revalidate: ["/admin/users"],
  },
  (actor, input) => clearSignInThrottle(actor, input),
);

export const setPasswordAction = definePublicAction(
  { name: "setPasswordAction", args: [actionArg.input] },
  async (input) => setPasswordWithToken(input, clientIp(await headers())),
);
