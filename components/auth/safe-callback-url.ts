/** Only same-origin relative paths may be used after sign-in ("/x", not "//evil.com", "/\\evil.com" or "https://…"). */
export function safeCallbackUrl(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\\]/.test(raw)) return null;
  if (raw.startsWith("/login") || raw.startsWith("/api/")) return null;
  return raw;
}
