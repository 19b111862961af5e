// The page proxy.ts answers (503 + Retry-After) while the database is away: plain HTML in the visitor's language that
// reloads itself (meta refresh, no script, so it works under the nonce CSP) until the app can render pages again.
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { DEFAULT_LOCALE, isAppLocale, localeFromAcceptLanguage, type AppLocale } from "@/lib/i18n/locales";

const MESSAGES: Record<AppLocale, typeof en.outage> = { en: en.outage, "zh-CN": zh.outage };

/** Cookie (the user's choice) → Accept-Language → default, as i18n/request.ts decides for rendered pages. */
export function outageLocale(cookieLocale: string | undefined, acceptLanguage: string | null): AppLocale {
  if (isAppLocale(cookieLocale)) return cookieLocale;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function outagePageHtml(locale: AppLocale, retryAfterSeconds: number): string {
  const t = MESSAGES[locale];
  const retrying = t.retrying.replace("{seconds}", String(retryAfterSeconds));
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${retryAfterSeconds}">
<title>${escapeHtml(t.title)}</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a;
font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:28rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .5rem}
p{color:#475569;font-size:.875rem;line-height:1.5;margin:.5rem 0}
a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:.5rem;background:#141a45;color:#fff;text-decoration:none;font-size:.875rem}
a:focus-visible{outline:2px solid #6366f1;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.description)}</p>
<p role="status">${escapeHtml(retrying)}</p>
<a href="">${escapeHtml(t.retryNow)}</a>
</main>
</body>
</html>
`;
}
