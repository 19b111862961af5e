import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl ?? "/");

  const reason = params.reason === "inactive" || params.reason === "expired" ? params.reason : null;
  const t = await getTranslations("auth");
  return (
    <div className="w-full max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1.5 mb-8 text-sm text-slate-500">{t("subtitle")}</p>
      <LoginForm callbackUrl={callbackUrl} reason={reason} />
      <p className="mt-8 border-t border-slate-200 pt-5 text-sm text-slate-500">
        {t("customerPrompt")}{" "}
        <Link
          href="/complaint"
          className="focus-ring rounded font-medium text-indigo-700 hover:text-indigo-900 hover:underline"
        >
          {t("customerLink")}
        </Link>
      </p>
    </div>
  );
}
