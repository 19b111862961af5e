// Caught HTML e-mails are shown in an iframe with sandbox="" (no scripts, forms, navigation, same-origin access).
// The sandbox does not stop remote images or fonts from loading (tracking pixels, requests on an offline machine),
// so the preview also carries a Content-Security-Policy that allows only inline styles and embedded images.
const PREVIEW_POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;

export function sandboxedPreviewHtml(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return `${html.slice(0, head.index + head[0].length)}${PREVIEW_POLICY}${html.slice(head.index + head[0].length)}`;
  return `<!DOCTYPE html><html><head>${PREVIEW_POLICY}</head><body>${html}</body></html>`;
}
