// Readable reference of the REST API, rendered on the server from the same OpenAPI document as /api/v1/openapi.json.
import type { Metadata } from "next";
import { FileJson } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { API_RATE_LIMIT } from "@/lib/api/auth";
import { buildOpenApiDocument, OPERATIONS, operationObject } from "@/lib/api/openapi";
import { parameterRow, schemaRows } from "@/lib/api/openapi-view";
import { SchemaTable } from "@/components/api-docs/schema-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

const METHOD_TONE = { get: "info", post: "success", patch: "warning" } as const;

export default async function ApiDocsPage() {
  await requireUser();
  const t = await getTranslations("apiDocs");
  const document = buildOpenApiDocument(env().APP_URL);
  const schemas = document.components.schemas;
  const errorRows = schemaRows(schemas.Error);
  const labels = {
    name: t("fields.name"),
    type: t("fields.type"),
    required: t("fields.required"),
    notes: t("fields.notes"),
    yes: t("fields.yes"),
    no: t("fields.no"),
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { version: document.info.version })}
        actions={
          <Button variant="secondary" asChild>
            <a href="/api/v1/openapi.json">
              <FileJson aria-hidden />
              {t("download")}
            </a>
          </Button>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("auth.title")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm text-slate-700">
            <p>{t("auth.bearer")}</p>
            <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
              {`curl -H "Authorization: Bearer sk_…" ${document.servers[0]?.url ?? ""}/api/v1/complaints?limit=10`}
            </pre>
            <p>{t("auth.scope")}</p>
            <p>{t("auth.rateLimit", { requests: API_RATE_LIMIT.requests, seconds: API_RATE_LIMIT.windowSeconds })}</p>
            <p>{t("auth.pagination")}</p>
            <h3 className="mt-2 font-semibold text-slate-900">{t("auth.errors")}</h3>
            <SchemaTable labels={labels} rows={errorRows} />
          </CardContent>
        </Card>

        <nav aria-label={t("endpoints")}>
          <ul className="flex flex-col gap-1 text-sm">
            {OPERATIONS.map((operation) => (
              <li key={`${operation.method} ${operation.path}`}>
                <a
                  className="focus-ring rounded font-mono text-brand-700 hover:underline"
                  href={`#${operationObject(operation).operationId}`}
                >
                  {operation.method.toUpperCase()} {operation.path}
                </a>
                <span className="text-slate-500"> — {operation.summary}</span>
              </li>
            ))}
          </ul>
        </nav>

        {OPERATIONS.map((operation) => {
          const described = operationObject(operation);
          const body = operation.body ? schemaRows(schemas[operation.body]) : null;
          const response = schemaRows(schemas[operation.success.schema]);
          return (
            <Card key={described.operationId} id={described.operationId} className="scroll-mt-20">
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2">
                  <Badge tone={METHOD_TONE[operation.method]} className="font-mono uppercase">
                    {operation.method}
                  </Badge>
                  <code className="font-mono text-sm">{operation.path}</code>
                  <span className="text-sm font-normal text-slate-500">{operation.summary}</span>
                </CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-4 text-sm text-slate-700">
                <p>{operation.description}</p>
                <p>
                  {t("permission")}{" "}
                  {operation.permission.map((permission, index) => (
                    <span key={permission}>
                      {index > 0 ? ` ${t("or")} ` : null}
                      <code className="rounded bg-slate-100 px-1 font-mono text-xs">{permission}</code>
                    </span>
                  ))}
                </p>
                {described.parameters ? (
                  <section>
                    <h3 className="mb-2 font-semibold text-slate-900">{t("parameters")}</h3>
                    <SchemaTable labels={labels} rows={described.parameters.map(parameterRow)} />
                  </section>
                ) : null}
                {body ? (
                  <section>
                    <h3 className="mb-2 font-semibold text-slate-900">{t("requestBody")}</h3>
                    <SchemaTable labels={labels} rows={body} />
                  </section>
                ) : null}
                <section>
                  <h3 className="mb-2 font-semibold text-slate-900">
                    {t("response", { status: operation.success.status })}
                  </h3>
                  <p className="mb-2">{operation.success.description}</p>
                  <SchemaTable labels={labels} rows={response} />
                </section>
                <section>
                  <h3 className="mb-2 font-semibold text-slate-900">{t("errorResponses")}</h3>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                    {Object.entries(described.responses)
                      .filter(([status]) => status !== operation.success.status)
                      .map(([status, value]) => (
                        <div key={status} className="contents">
                          <dt className="font-mono text-xs font-semibold text-slate-900">{status}</dt>
                          <dd>
                            {typeof value === "object" && value !== null && "description" in value
                              ? String(value.description)
                              : null}
                          </dd>
                        </div>
                      ))}
                  </dl>
                </section>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </>
  );
}
