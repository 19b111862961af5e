"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircle, Eye, EyeOff, Info, Loader2 } from "lucide-react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { isLoginValidationKey, loginSchema, type LoginInput } from "@/components/auth/login-schema";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type LoginFormProps = { callbackUrl: string | null; reason: "inactive" | "expired" | null };

type SignInFailure = { kind: "signInFailed" | "accountInactive" | "generic" };

/**
 * Map next-auth's `error` string to a message. Unknown account, wrong password and a throttled address share one
 * answer (issue 14: no message tells them apart or reveals a throttle); older servers' codes map to it as well.
 */
function parseSignInError(error: string): SignInFailure {
  if (error === "account_inactive") return { kind: "accountInactive" };
  if (
    ["invalid_credentials", "CredentialsSignin", "rate_limited"].includes(error) ||
    error.startsWith("account_locked")
  )
    return { kind: "signInFailed" };
  return { kind: "generic" };
}

export function LoginForm({ callbackUrl, reason }: LoginFormProps) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });

  const fieldError = (message: string | undefined) =>
    isLoginValidationKey(message) ? t(`validation.${message}`) : undefined;

  const onSubmit = async (values: LoginInput) => {
    setFailure(null);
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result || result.error || !result.ok) {
      setFailure(parseSignInError(result?.error ?? ""));
      return;
    }
    setRedirecting(true);
    router.replace(callbackUrl ?? "/");
    router.refresh();
  };

  const busy = isSubmitting || redirecting;

  return (
    <form data-testid="login-form" noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5">
      {reason && !failure ? (
        <div
          role="status"
          className="flex gap-2.5 rounded-lg border border-info-100 bg-info-50 px-3.5 py-3 text-[13px] text-info-700"
        >
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>{t(`notices.${reason}`)}</p>
        </div>
      ) : null}
      {failure ? (
        <div
          role="alert"
          data-testid="login-error"
          className="flex gap-2.5 rounded-lg border border-danger-100 bg-danger-50 px-3.5 py-3 text-[13px] text-danger-700"
        >
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>{t(`errors.${failure.kind}`)}</p>
        </div>
      ) : null}

      <FormField label={t("email")} error={fieldError(errors.email?.message)}>
        <Input
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t("emailPlaceholder")}
          className="h-10"
          {...register("email")}
        />
      </FormField>

      <FormField label={t("password")} error={fieldError(errors.password?.message)}>
        {(control) => (
          <div className="relative">
            <Input
              {...control}
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              className="h-10 pr-10"
              {...register("password")}
            />
            <button
              type="button"
              onClick={() => setShowPassword((shown) => !shown)}
              aria-label={showPassword ? t("hidePassword") : t("showPassword")}
              aria-pressed={showPassword}
              className="focus-ring absolute top-1/2 right-1.5 -translate-y-1/2 rounded p-1.5 text-slate-500 hover:text-slate-800"
            >
              {showPassword ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
            </button>
          </div>
        )}
      </FormField>

      <Button type="submit" size="lg" disabled={busy} className="mt-1 w-full">
        {busy ? <Loader2 aria-hidden className="animate-spin" /> : null}
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
