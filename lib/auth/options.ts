// next-auth configuration: credentials sign-in, JWT sessions that carry the user's id and session version.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/security/client-ip";

export const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid_credentials");
        const result = await authenticate({ ...parsed.data, ip: clientIp(request?.headers) });
        if (!result.ok) {
          // next-auth passes the message to the client as `error`; the login form maps it to a translated text.
          throw new Error(result.error);
        }
        return {
          id: String(result.user.id),
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.userId;
      session.sessionVersion = token.sessionVersion;
      return session;
    },
  },
};
