// E-mail bodies as React components (@react-email/components), rendered to HTML by @react-email/render. Mail clients
// ignore <style> and block external assets, so everything is inline-styled and there are no images or web fonts.
// Every template also builds its plain-text part itself (the words a text-only client shows, links spelt out).
import { Body, Button, Container, Head, Heading, Link, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { Fragment, type ReactElement, type ReactNode } from "react";
import { logger } from "@/lib/observability/log";

/** Only http(s) links may appear in an href; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch (error) {
    logger.warn("[mail] dropping an invalid link from an e-mail", {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

const FONT = "-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif";
const TEXT = { margin: "0 0 16px", fontSize: "15px", lineHeight: "1.6", color: "#1e293b" } as const;

/** User-written text: React escapes it; line breaks are kept as <br>. */
export function Lines({ text }: { text: string }) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={TEXT}>{children}</Text>;
}

export function Quote({ text }: { text: string }) {
  return (
    <Section
      style={{ margin: "0 0 16px", padding: "12px 16px", borderLeft: "3px solid #2563eb", background: "#f8fafc" }}
    >
      <Text style={{ ...TEXT, margin: 0 }}>
        <Lines text={text} />
      </Text>
    </Section>
  );
}

export function Details({ rows }: { rows: Array<[label: string, value: string]> }) {
  return (
    <table
      role="presentation"
      cellPadding={0}
      cellSpacing={0}
      style={{ margin: "0 0 16px", borderCollapse: "collapse" }}
    >
      <tbody>
        {rows.map(([label, value], index) => (
          <tr key={index}>
            <td
              style={{
                padding: "4px 16px 4px 0",
                fontSize: "13px",
                color: "#64748b",
                whiteSpace: "nowrap",
                verticalAlign: "top",
              }}
            >
              {label}
            </td>
            <td style={{ padding: "4px 0", fontSize: "14px", color: "#0f172a" }}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A call-to-action link styled as a button; left out when the URL is not http(s). */
export function ActionButton({ label, url }: { label: string; url: string }) {
  const href = safeHref(url);
  if (!href) return null;
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={href}
        style={{
          display: "inline-block",
          padding: "10px 18px",
          borderRadius: "6px",
          background: "#2563eb",
          color: "#ffffff",
          fontSize: "14px",
          fontWeight: 600,
          textDecoration: "none",
        }}
      >
        {label}
      </Button>
    </Section>
  );
}

/** Small links side by side (the survey's one-click scores). */
export function LinkRow({ links }: { links: Array<{ label: string; url: string }> }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "0 0 20px" }}>
      <tbody>
        <tr>
          {links.map(({ label, url }) => (
            <td key={url} style={{ padding: "0 4px" }}>
              <Link
                href={safeHref(url) ?? undefined}
                style={{
                  display: "inline-block",
                  minWidth: "40px",
                  padding: "10px 0",
                  borderRadius: "6px",
                  border: "1px solid #2563eb",
                  color: "#1d4ed8",
                  fontSize: "16px",
                  fontWeight: 600,
                  textAlign: "center",
                  textDecoration: "none",
                }}
              >
                {label}
              </Link>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function EmailLayout({
  lang,
  title,
  footer,
  children,
}: {
  lang: string;
  title: string;
  footer: string;
  children: ReactNode;
}) {
  return (
    <html lang={lang}>
      <Head>
        <title>{title}</title>
      </Head>
      <Body style={{ margin: 0, padding: "24px 12px", background: "#f1f5f9", fontFamily: FONT }}>
        <Container
          style={{ maxWidth: "600px", background: "#ffffff", border: "1px solid #e2e8f0", borderRadius: "10px" }}
        >
          <Section
            style={{
              padding: "20px 28px",
              borderBottom: "1px solid #e2e8f0",
              fontSize: "15px",
              fontWeight: 600,
              color: "#1d4ed8",
            }}
          >
            Skyline CSM
          </Section>
          <Section style={{ padding: "28px" }}>
            <Heading as="h1" style={{ margin: "0 0 20px", fontSize: "20px", lineHeight: "1.4", color: "#0f172a" }}>
              {title}
            </Heading>
            {children}
          </Section>
          <Section
            style={{
              padding: "16px 28px",
              borderTop: "1px solid #e2e8f0",
              fontSize: "12px",
              lineHeight: "1.5",
              color: "#64748b",
            }}
          >
            {footer}
          </Section>
        </Container>
      </Body>
    </html>
  );
}

/** The component tree as an HTML document. */
export function renderHtml(element: ReactElement): Promise<string> {
  return render(element);
}
