// GET /api/v1/openapi.json: the OpenAPI 3.1 document (public: it describes the API, it holds no data).
import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { guarded, json } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = guarded(async () => json(buildOpenApiDocument(env().APP_URL)));
