import type { ReactNode } from "react";
import type { OpenApiDocument } from "@/lib/api/openapi";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

/*
 * The OpenAPI document (lib/api/openapi.ts) as a page for people: every endpoint with its parameters,
 * responses and a request to try. Read from the same document /api/openapi.json serves, so the page
 * cannot drift from the API.
 */

type Operation = NonNullable<NonNullable<OpenApiDocument["paths"]>[string]["get"]>;
type Reference = { $ref: string };
type ParameterObject = Exclude<NonNullable<Operation["parameters"]>[number], Reference>;
type Schema = Exclude<NonNullable<ParameterObject["schema"]>, Reference>;
type ResponseObject = Exclude<NonNullable<Operation["responses"]>[string], Reference>;

const isReference = (value: unknown): value is Reference =>
  typeof value === "object" && value !== null && "$ref" in value && typeof value.$ref === "string";

export type Parameter = {
  name: string;
  in: string;
  required: boolean;
  description: string;
  schema: Schema;
  example: unknown;
};

export type Endpoint = {
  method: "GET";
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  parameters: Parameter[];
  responses: Array<{ code: string; description: string; contentTypes: string[] }>;
};

/** The GET operations of the document, in its order. */
export function endpointsOf(doc: OpenApiDocument): Endpoint[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) => {
    const op = item.get;
    if (!op) return [];
    const parameters = (op.parameters ?? [])
      .filter((p): p is ParameterObject => !isReference(p))
      .map((p) => {
        const schema: Schema = p.schema && !isReference(p.schema) ? p.schema : {};
        return {
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: p.description ?? schema.description ?? "",
          schema,
          example: p.example ?? schema.example,
        };
      });
    const responses = Object.entries(op.responses ?? {})
      .filter((entry): entry is [string, ResponseObject] => !isReference(entry[1]))
      .map(([code, r]) => ({ code, description: r.description, contentTypes: Object.keys(r.content ?? {}) }));
    return [
      {
        method: "GET" as const,
        path,
        operationId: op.operationId ?? path,
        summary: op.summary ?? path,
        description: op.description ?? "",
        tag: op.tags?.[0] ?? "",
        parameters,
        responses,
      },
    ];
  });
}

const PAGING = new Set(["page", "size", "format"]);

/**
 * A request worth trying: path parameters filled with their examples, required query parameters,
 * and (when nothing is required) the first filter, e.g. /api/v1/nodes?kind=agenda_item.
 */
export function exampleRequest(endpoint: Endpoint, extra: Record<string, string> = {}): string {
  let path = endpoint.path;
  const query = new URLSearchParams();
  for (const p of endpoint.parameters) {
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example ?? "")));
  }
  const queryParams = endpoint.parameters.filter((p) => p.in === "query" && p.example !== undefined);
  const required = queryParams.filter((p) => p.required);
  const chosen = required.length > 0 ? required : queryParams.filter((p) => !PAGING.has(p.name)).slice(0, 1);
  for (const p of chosen) query.set(p.name, String(p.example));
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** A URL as people read it: /api/v1/search?q=姊妹市, not %E5%A7%8A…. */
function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The small Markdown the API's descriptions use: `code` and **bold**. */
export function InlineMarkdown({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/u);
  return (
    <>
      {parts.map((part, i) => {
        if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
          return (
            <code key={i} className="rounded bg-slate-100 px-1 text-[0.9em] break-words text-slate-900">
              {part.slice(1, -1)}
            </code>
          );
        }
        if (part.startsWith("**") && part.endsWith("**") && part.length > 3) {
          return <strong key={i}>{part.slice(2, -2)}</strong>;
        }
        return part;
      })}
    </>
  );
}

/** Inline code; `wrap` lets a long token (a pattern, a path) break anywhere rather than widen a table. */
function Code({ children, wrap = "words" }: { children: ReactNode; wrap?: "words" | "anywhere" | "none" }) {
  const wrapping = { words: "break-words", anywhere: "wrap-anywhere", none: "whitespace-nowrap" }[wrap];
  return (
    <code className={`rounded bg-slate-100 px-1 text-[0.9em] text-slate-900 ${wrapping}`}>{children}</code>
  );
}

function typeName(schema: Schema): string {
  const base = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
  return schema.format ? `${base} (${schema.format})` : base;
}

/** A parameter's type: name, format, allowed values, range, pattern and default. */
function SchemaSummary({ schema, t }: { schema: Schema; t: Messages }) {
  const d = t.developers;
  if (schema.anyOf && schema.anyOf.length > 0) {
    const options = schema.anyOf.filter((s): s is Schema => !isReference(s));
    return (
      <>
        {options.map((s, i) => (
          <span key={i}>
            {i > 0 && ` ${d.or} `}
            <SchemaSummary schema={s} t={t} />
          </span>
        ))}
      </>
    );
  }
  const hasRange = typeof schema.minimum === "number" && typeof schema.maximum === "number";
  return (
    <span className="flex flex-col gap-0.5">
      <span className="font-mono text-xs">{typeName(schema)}</span>
      {schema.enum && schema.enum.length > 0 && (
        <span>
          {d.oneOf}{" "}
          {schema.enum.map((value, i) => (
            <span key={String(value)}>
              {i > 0 && ", "}
              <Code>{String(value)}</Code>
            </span>
          ))}
        </span>
      )}
      {hasRange && <span>{d.range(schema.minimum as number, schema.maximum as number)}</span>}
      {schema.pattern && (
        <span>
          <Code wrap="anywhere">{schema.pattern}</Code>
        </span>
      )}
      {schema.default !== undefined && (
        <span>
          {d.defaultValue} <Code>{String(schema.default)}</Code>
        </span>
      )}
    </span>
  );
}

function ParametersTable({ endpoint, t, enLang }: { endpoint: Endpoint; t: Messages; enLang?: string }) {
  const d = t.developers;
  if (endpoint.parameters.length === 0) return <p className="text-sm text-slate-700">{d.noParameters}</p>;
  const captionId = `${endpoint.operationId}-parameters`;
  return (
    // Five columns from the sm breakpoint; on a phone two (name, description), the location and
    // type folded into them, so nothing needs sideways scrolling.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="w-full border-collapse text-left text-sm">
        <caption id={captionId} className="mb-1 text-left font-semibold text-slate-800">
          {d.parameters}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-1 pr-3 font-medium">
              {d.name}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium whitespace-nowrap max-sm:hidden">
              {d.location}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium whitespace-nowrap max-sm:hidden">
              {d.required}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium max-sm:hidden">
              {d.type}
            </th>
            <th scope="col" className="py-1 font-medium">
              {d.description}
            </th>
          </tr>
        </thead>
        <tbody>
          {endpoint.parameters.map((p) => {
            const where = d.locations[p.in] ?? p.in;
            return (
              <tr key={`${p.in}:${p.name}`} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  <Code wrap="none">{p.name}</Code>{" "}
                  <span className="mt-0.5 block text-xs whitespace-nowrap text-slate-600 sm:hidden">
                    {where}
                    {p.required && (
                      <>
                        {" · "}
                        <strong>{d.required}</strong>
                      </>
                    )}
                  </span>
                </th>
                <td className="py-1.5 pr-3 whitespace-nowrap max-sm:hidden">{where}</td>
                <td className="py-1.5 pr-3 max-sm:hidden">{p.required ? <strong>{d.yes}</strong> : d.no}</td>
                <td className="w-[28%] py-1.5 pr-3 text-slate-800 max-sm:hidden">
                  <SchemaSummary schema={p.schema} t={t} />
                </td>
                <td className="py-1.5 text-slate-800">
                  <span lang={enLang}>
                    <InlineMarkdown text={p.description} />
                  </span>
                  <span className="mt-1 block sm:hidden">
                    <SchemaSummary schema={p.schema} t={t} />
                  </span>
                  {p.example !== undefined && (
                    <span className="mt-0.5 block text-slate-600">
                      {d.example} <Code wrap="anywhere">{String(p.example)}</Code>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function EndpointSection({ endpoint, t, enLang }: { endpoint: Endpoint; t: Messages; enLang?: string }) {
  const d = t.developers;
  const example = exampleRequest(endpoint);
  const takesCsv = endpoint.parameters.some((p) => p.name === "format");
  const headingId = `op-${endpoint.operationId}`;
  return (
    <section
      aria-labelledby={headingId}
      className="scroll-mt-4 space-y-3 rounded border border-slate-200 bg-white p-3 sm:p-4"
    >
      <h3 id={headingId} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-mono text-xs font-bold text-emerald-900">
          {endpoint.method}
        </span>{" "}
        <code className="font-mono text-base font-semibold break-all text-civic-900">{endpoint.path}</code>{" "}
        <span className="text-base font-normal text-slate-700" lang={enLang}>
          {endpoint.summary}
        </span>
      </h3>
      <p className="text-sm text-slate-800" lang={enLang}>
        <InlineMarkdown text={endpoint.description} />
      </p>
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className="text-slate-700">{d.tryIt}</span>
        <a href={example} className="font-mono break-all text-civic-700">
          {readable(example)}
        </a>
        {takesCsv && (
          <a href={exampleRequest(endpoint, { format: "csv" })} className="text-civic-700">
            {d.exampleCsv}
          </a>
        )}
      </p>
      <ParametersTable endpoint={endpoint} t={t} enLang={enLang} />
      <div>
        <h4 className="text-sm font-semibold text-slate-800">{d.responses}</h4>
        <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          {endpoint.responses.map((r) => (
            <div key={r.code} className="contents">
              <dt>
                <Code>{r.code}</Code>
              </dt>
              <dd className="text-slate-800">
                <span lang={enLang}>
                  <InlineMarkdown text={r.description} />
                </span>
                {r.contentTypes.length > 0 && (
                  <span className="text-slate-600">
                    {" "}
                    (
                    {r.contentTypes.map((c, i) => (
                      <span key={c}>
                        {i > 0 && ", "}
                        <Code>{c}</Code>
                      </span>
                    ))}
                    )
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

/** The endpoints grouped by tag, with a table of contents. */
export function ApiReference({ doc, t, locale }: { doc: OpenApiDocument; t: Messages; locale: Locale }) {
  const d = t.developers;
  // The document is written in English: say so to screen readers on the Chinese page.
  const enLang = locale === "en" ? undefined : "en";
  const endpoints = endpointsOf(doc);
  const tags = (doc.tags ?? [])
    .map((tag) => ({ ...tag, endpoints: endpoints.filter((e) => e.tag === tag.name) }))
    .filter((tag) => tag.endpoints.length > 0);
  const slug = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/gu, "-")}`;

  return (
    <>
      <nav
        aria-labelledby="endpoints-heading"
        className="rounded border border-slate-200 bg-white p-3 sm:p-4"
      >
        <h2 id="endpoints-heading" className="text-xl font-semibold text-civic-900">
          {d.contents}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{d.englishNote}</p>
        <ul className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${slug(tag.name)}`} className="font-medium text-civic-900 underline" lang={enLang}>
                {tag.name}
              </a>
              <ul className="mt-1 space-y-0.5 text-sm">
                {tag.endpoints.map((e) => (
                  <li key={e.operationId}>
                    <a href={`#op-${e.operationId}`} className="font-mono break-all text-civic-700 underline">
                      {e.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={slug(tag.name)} className="mt-8 space-y-3">
          <div>
            <h2
              id={slug(tag.name)}
              className="scroll-mt-4 text-xl font-semibold text-civic-900"
              lang={enLang}
            >
              {tag.name}
            </h2>
            {tag.description && (
              <p className="text-sm text-slate-700" lang={enLang}>
                <InlineMarkdown text={tag.description} />
              </p>
            )}
          </div>
          {tag.endpoints.map((e) => (
            <EndpointSection key={e.operationId} endpoint={e} t={t} enLang={enLang} />
          ))}
          <p className="text-sm">
            <a href="#endpoints-heading" className="text-civic-700">
              ↑ {d.backToTop}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
