// HTML building blocks for e-mails: escaping and one inline-styled layout (mail clients ignore <style> and block
// external assets, so everything is inline and there are no images or web fonts).

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** User-written text as HTML: escaped, line breaks kept. */
export function textToHtml(value: string): string {
  return escapeHtml(value.replace(/\r\n?/g, "\n")).replace(/\n/g, "<br>\n");
}

/** Only http(s) links may appear in an href; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch (error) {
    console.warn("[mail] dropping an invalid link from an e-mail", { error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

export type EmailLayout = {
  lang: string;
  title: string;
  /** Pre-built, already escaped HTML blocks. */
  blocks: string[];
  footer: string;
};

export function paragraph(html: string): string {
  return `<p style="margin:0 0 16px;font-size:15px;line-height:1.6;color:#1e293b;">${html}</p>`;
}

export function quote(html: string): string {
  return `<div style="margin:0 0 16px;padding:12px 16px;border-left:3px solid #2563eb;background:#f8fafc;font-size:15px;line-height:1.6;color:#1e293b;">${html}</div>`;
}

export function definitionList(rows: Array<[label: string, value: string]>): string {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 16px 4px 0;font-size:13px;color:#64748b;white-space:nowrap;vertical-align:top;">${escapeHtml(label)}</td>` +
        `<td style="padding:4px 0;font-size:14px;color:#0f172a;">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">${cells}</table>`;
}

export function button(label: string, url: string): string {
  const href = safeHref(url);
  if (!href) return "";
  return (
    `<p style="margin:8px 0 24px;"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;border-radius:6px;` +
    `background:#2563eb;color:#ffffff;font-size:14px;font-weight:600;text-decoration:none;">${escapeHtml(label)}</a></p>`
  );
}

export function renderLayout({ lang, title, blocks, footer }: EmailLayout): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:24px 12px;background:#f1f5f9;font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #e2e8f0;border-radius:10px;">`,
    `<tr><td style="padding:20px 28px;border-bottom:1px solid #e2e8f0;font-size:15px;font-weight:600;color:#1d4ed8;">Skyline CSM</td></tr>`,
    `<tr><td style="padding:28px;">`,
    `<h1 style="margin:0 0 20px;font-size:20px;line-height:1.4;color:#0f172a;">${escapeHtml(title)}</h1>`,
    ...blocks,
    `</td></tr>`,
    `<tr><td style="padding:16px 28px;border-top:1px solid #e2e8f0;font-size:12px;line-height:1.5;color:#64748b;">${escapeHtml(footer)}</td></tr>`,
    `</table></td></tr></table></body></html>`,
  ].join("\n");
}
