import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { viewPasswordToken } from "@/lib/auth/password-tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setPassword");
  // The token is in the URL: keep it out of referrers and search engines.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const [t, view] = await Promise.all([getTranslations("setPassword"), viewPasswordToken(token)]);
  if (view.state === "invalid") {
    return (
      <div className="w-full max-w-sm" data-testid="set-password-invalid">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("invalidTitle")}</h1>
        <p className="mt-1.5 mb-8 text-sm text-slate-500">{t("invalidDescription")}</p>
        <Link href="/login" className="focus-ring rounded text-sm font-medium text-indigo-700 hover:underline">
          {t("toLogin")}
        </Link>
      </div>
    );
  }
  return (
    <div className="w-full max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1.5 mb-8 text-sm text-slate-500">{t("subtitle", { name: view.name })}</p>
      <SetPasswordForm token={token} email={view.email} />
    </div>
  );
}
