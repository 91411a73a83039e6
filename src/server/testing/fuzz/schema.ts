import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { type CollectedRoute, permissionOf } from '../routes.ts';

/** The part of JSON Schema (OpenAPI 3.0 dialect) that the app's zod contracts produce. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  consumes?: string[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One /api/v1 route as the fuzzer and the access matrix see it: its schemas from the OpenAPI description. */
export interface RouteSpec {
  /** "GET /api/v1/verksamheter/:id" — the key of the access matrix. */
  key: string;
  method: string;
  url: string;
  permission: string;
  route: CollectedRoute;
  /** Path parameters, in the order they appear in the address. */
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  query: JsonSchema | undefined;
  body: JsonSchema | undefined;
  /** How the body is sent: JSON, a CSV file, or none. */
  bodyKind: 'json' | 'csv' | 'none';
  /** The route's own zod schemas (to tell a valid request from an invalid one). */
  zod: { params?: ZodType; querystring?: ZodType; body?: ZodType };
  /** False when the route is missing from the OpenAPI description. */
  documented: boolean;
}

export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Every /api/v1 route but the HEAD twins Fastify adds for each GET (and OPTIONS). */
export function apiRouteSpecs(app: FastifyInstance, routes: CollectedRoute[]): RouteSpec[] {
  const doc = app.swagger() as unknown as OpenApiDocument;
  return routes
    .filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .map((route) => {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      const parameters = op?.parameters ?? [];
      const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const pathParams = pathNames.map((name) => ({
        name,
        schema: parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' },
      }));
      const queryParams = parameters.filter((p) => p.in === 'query');
      const query: JsonSchema | undefined = queryParams.length
        ? {
            type: 'object',
            properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
            required: queryParams.filter((p) => p.required).map((p) => p.name),
          }
        : undefined;
      const schema = (route.options.schema ?? {}) as {
        consumes?: string[];
        params?: ZodType;
        querystring?: ZodType;
        body?: ZodType;
      };
      const body = op?.requestBody?.content['application/json']?.schema;
      const csv = schema.consumes?.includes('text/csv') ?? false;
      return {
        key: `${route.method} ${route.url}`,
        method: route.method,
        url: route.url,
        permission: permissionOf(route) ?? '(none)',
        route,
        pathParams,
        query,
        body,
        bodyKind: csv ? 'csv' : body ? 'json' : 'none',
        zod: {
          ...(schema.params ? { params: schema.params } : {}),
          ...(schema.querystring ? { querystring: schema.querystring } : {}),
          ...(schema.body ? { body: schema.body } : {}),
        },
        documented: op !== undefined,
      } satisfies RouteSpec;
    })
    .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}
