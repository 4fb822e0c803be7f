/* eslint-disable @typescript-eslint/no-explicit-any */

/** One route of the API as the OpenAPI document (generated from Nest's route metadata) lists it. */
export interface Operation {
  method: string;
  /** OpenAPI path, e.g. `/api/organisations/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean; schema: any }[];
  /** The JSON schema of the request body (`$ref`s resolved), when the route takes one. */
  bodySchema?: any;
}

export const operationKey = (op: Pick<Operation, 'method' | 'path'>): string => `${op.method} ${op.path}`;

/** Every path + method of the API's OpenAPI document at `/api/docs-json`. */
export async function listOperations(baseUrl: string): Promise<Operation[]> {
  const res = await fetch(`${baseUrl}/api/docs-json`);
  if (res.status !== 200) throw new Error(`GET /api/docs-json: ${res.status}`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, any> } };
  const resolve = (schema: any, depth = 0): any => {
    if (!schema || depth > 5) return schema;
    if (schema.$ref) return resolve(doc.components?.schemas?.[String(schema.$ref).split('/').pop() as string], depth + 1);
    if (schema.properties) {
      return { ...schema, properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1)])) };
    }
    if (schema.items) return { ...schema, items: resolve(schema.items, depth + 1) };
    return schema;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = ((op.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: any }[]).map((p) => ({
        ...p,
        schema: resolve(p.schema),
      }));
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        bodySchema: resolve(op.requestBody?.content?.['application/json']?.schema),
      });
    }
  }
  return ops;
}

/** Fills a path template: `{name}` → `values(name)`, URI-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(values[name]);
  });
}

/**
 * A plausible, valid-looking value for a body or query field: from its name first (`known`; `*Id` for any
 * name ending in `Id`), then its schema (enum, example, pattern-free type, array items). Values named in
 * `known` that the schema's enum does not allow give way to the enum. Returns undefined for optional
 * fields nothing is known about.
 */
export function plausibleValue(name: string, schema: any, known: Record<string, unknown>, required: boolean): unknown {
  const enumValues: unknown[] | undefined =
    Array.isArray(schema?.enum) && schema.enum.length
      ? schema.enum
      : Array.isArray(schema?.items?.enum) && schema.items.enum.length
        ? schema.items.enum
        : undefined;
  const fits = (v: unknown) => !enumValues || (Array.isArray(v) ? v.every((x) => enumValues.includes(x)) : enumValues.includes(v));
  if (name in known && fits(known[name])) return known[name];
  if (/Id$/.test(name) && known['*Id'] !== undefined && !enumValues) return known['*Id'];
  if (/(Date|At|On)$/.test(name) && !enumValues)
    return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, name.endsWith('At') ? undefined : 10);
  if (!required && !(name in known)) return undefined;
  if (!schema) return 'probe';
  if (enumValues) return schema.type === 'array' ? [enumValues[0]] : enumValues[0];
  if (schema.example !== undefined) return schema.example;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'boolean':
      return true;
    case 'array': {
      const item = plausibleValue(name.replace(/s$/, ''), schema.items, known, true);
      return item === undefined ? [] : [item];
    }
    case 'object':
      return plausibleBody(schema, known) ?? {};
    default:
      if (schema.properties) return plausibleBody(schema, known) ?? {};
      if (schema.format === 'uuid') return known['*Id'] ?? '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'email') return known['email'] ?? 'probe@example.org';
      if (schema.format === 'date-time' || schema.format === 'date') return new Date(Date.now() + 30 * 86_400_000).toISOString();
      return 'x'.repeat(Math.max(3, Number(schema.minLength ?? 5)));
  }
}

/** A plausible body for a JSON schema: required properties always, optional ones when `known` names them. */
export function plausibleBody(schema: any, known: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  const required = new Set<string>(schema.required ?? []);
  const body: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, any>)) {
    const value = plausibleValue(name, prop, known, required.has(name));
    if (value !== undefined) body[name] = value;
  }
  return body;
}
