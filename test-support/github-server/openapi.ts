/**
 * GitHub's OpenAPI description (`@octokit/openapi`, api.github.com) as a request router and a
 * validator: every request the test server receives is matched to a documented operation and
 * checked (path parameters, query parameters, body); every response it sends is checked against
 * the schema documented for that status. Mismatches come back as readable strings.
 */
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'
import addFormatsModule from 'ajv-formats'

const require = createRequire(import.meta.url)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
interface SchemaObject {
  [key: string]: unknown
}
interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema?: SchemaObject
}
interface Operation {
  readonly operationId: string
  readonly parameters?: readonly (Parameter | { $ref: string })[]
  readonly requestBody?: {
    required?: boolean
    content: Record<string, { schema?: SchemaObject }>
  }
  readonly responses: Record<string, ResponseObject | { $ref: string }>
}
interface ResponseObject {
  readonly content?: Record<string, { schema?: SchemaObject }>
}
interface Spec {
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: {
    readonly schemas: Record<string, SchemaObject>
    readonly parameters: Record<string, Parameter>
    readonly responses: Record<string, ResponseObject>
  }
}

/** A documented operation a request was matched to. */
export interface MatchedRoute {
  /** `METHOD /template`, e.g. `POST /repos/{owner}/{repo}/git/trees`: the key requests are counted by. */
  readonly route: string
  readonly operationId: string
  readonly method: string
  readonly template: string
  /** Decoded path parameters by name. */
  readonly params: Readonly<Record<string, string>>
}

interface CompiledRoute {
  readonly method: string
  readonly template: string
  readonly regex: RegExp
  readonly names: readonly string[]
  readonly literals: number
  readonly operation: Operation
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head']
/** Parameters that may hold slashes when they end a template (`heads/feature/x`, `a...b`). */
const GREEDY = new Set(['ref', 'path', 'basehead'])
const SPEC_ID = 'https://api.github.com/openapi.json'

let shared: OpenApi | null = null

/** The validator over api.github.com's description, loaded once per process. */
export function openApi(): OpenApi {
  shared ??= new OpenApi(require('@octokit/openapi/generated/api.github.com.json') as Spec)
  return shared
}

export class OpenApi {
  private readonly routes: CompiledRoute[] = []
  private readonly ajv: Ajv
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(private readonly spec: Spec) {
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        const operation = item[method]
        if (!operation) continue
        this.routes.push(compileRoute(method.toUpperCase(), template, operation))
      }
    }
    // Literal segments win over parameters: `/secrets/public-key` before `/secrets/{secret_name}`.
    this.routes.sort((a, b) => b.literals - a.literals)
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false })
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
    addFormats(this.ajv)
    for (const format of ['repo.nwo', 'ssh-key', 'binary', 'uri-template', 'hostname', 'int32']) {
      if (!this.ajv.formats[format]) this.ajv.addFormat(format, true)
    }
    this.ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(spec.components) } as SchemaObject)
  }

  /** The documented operation for a method and path, or null when GitHub documents none. */
  match(method: string, pathname: string): MatchedRoute | null {
    for (const r of this.routes) {
      if (r.method !== method) continue
      const m = r.regex.exec(pathname)
      if (!m) continue
      const params: Record<string, string> = {}
      r.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '')
      })
      return {
        route: `${r.method} ${r.template}`,
        operationId: r.operation.operationId,
        method: r.method,
        template: r.template,
        params
      }
    }
    return null
  }

  /**
   * Checks a request against its operation: path parameters, query parameters (no unknown ones,
   * types and enums), and the JSON body. Returns the problems found (empty when it conforms) and
   * the query with values converted to their documented types.
   */
  validateRequest(
    match: MatchedRoute,
    query: URLSearchParams,
    body: Json | undefined
  ): { problems: string[]; query: Record<string, Json> } {
    const operation = this.operation(match)
    const problems: string[] = []
    const parameters = (operation.parameters ?? []).map((p) => this.parameter(p))
    for (const p of parameters.filter((p) => p.in === 'path')) {
      const value = match.params[p.name]
      if (value === undefined) problems.push(`path parameter '${p.name}' is missing`)
      else
        problems.push(
          ...this.check(p.schema, coerce(value, p.schema), `path parameter '${p.name}'`)
        )
    }
    const typedQuery: Record<string, Json> = {}
    const known = new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]))
    for (const name of new Set(query.keys())) {
      const p = known.get(name)
      if (!p) {
        problems.push(`query parameter '${name}' is not documented for ${match.operationId}`)
        continue
      }
      const values = query.getAll(name)
      const value =
        p.schema?.type === 'array'
          ? values
              .flatMap((v) => v.split(','))
              .map((v) => coerce(v, p.schema?.items as SchemaObject))
          : coerce(values[values.length - 1] ?? '', p.schema)
      typedQuery[name] = value
      problems.push(...this.check(p.schema, value, `query parameter '${name}'`))
    }
    for (const p of known.values()) {
      if (p.required && !query.has(p.name)) problems.push(`query parameter '${p.name}' is required`)
    }
    const requestBody = operation.requestBody
    const schema = requestBody?.content['application/json']?.schema
    if (body === undefined) {
      if (requestBody?.required) problems.push('the request body is required')
    } else if (!requestBody) {
      problems.push(`${match.operationId} takes no request body`)
    } else if (schema) {
      problems.push(...this.check(schema, body, 'request body', `${match.route} request`))
    }
    return { problems, query: typedQuery }
  }

  /** Checks a response body against the schema documented for its status. */
  validateResponse(match: MatchedRoute, status: number, body: Json | undefined): string[] {
    const operation = this.operation(match)
    const declared = operation.responses[String(status)] ?? operation.responses.default
    if (!declared) {
      // GitHub answers errors it does not document per operation (403 rate limits, 401...);
      // they must still have the shape of GitHub's error body.
      if (status >= 400) {
        return this.check(
          { $ref: `${SPEC_ID}#/components/schemas/basic-error` },
          body ?? null,
          'error body',
          'basic-error'
        )
      }
      return [`status ${status} is not documented for ${match.operationId}`]
    }
    const response = this.response(declared)
    const schema = response.content?.['application/json']?.schema
    if (!schema) {
      return body === undefined
        ? []
        : [`status ${status} of ${match.operationId} has no body, but one was sent`]
    }
    if (body === undefined) return [`status ${status} of ${match.operationId} needs a JSON body`]
    return this.check(schema, body, `response ${status}`, `${match.route} ${status}`)
  }

  /** GitHub's documentation page of the operation (used in error bodies, as GitHub does). */
  documentationUrl(match: MatchedRoute): string {
    const docs = (this.operation(match) as { externalDocs?: { url?: string } }).externalDocs
    return docs?.url ?? 'https://docs.github.com/rest'
  }

  private operation(match: MatchedRoute): Operation {
    const operation = this.spec.paths[match.template]?.[match.method.toLowerCase()]
    if (!operation) throw new Error(`no operation for ${match.route}`)
    return operation
  }

  private parameter(p: Parameter | { $ref: string }): Parameter {
    if ('$ref' in p) {
      const name = p.$ref.split('/').pop() ?? ''
      const found = this.spec.components.parameters[name]
      if (!found) throw new Error(`unknown parameter ${p.$ref}`)
      return found
    }
    return p
  }

  private response(r: ResponseObject | { $ref: string }): ResponseObject {
    if ('$ref' in r && typeof r.$ref === 'string') {
      const name = r.$ref.split('/').pop() ?? ''
      return this.spec.components.responses[name] ?? {}
    }
    return r as ResponseObject
  }

  private check(
    schema: SchemaObject | undefined,
    value: unknown,
    what: string,
    cacheKey?: string
  ): string[] {
    if (!schema) return []
    const key = cacheKey ?? JSON.stringify(schema)
    let validate = this.compiled.get(key)
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(relocateRefs(schema)) as SchemaObject)
      this.compiled.set(key, validate)
    }
    if (validate(value)) return []
    return (validate.errors ?? []).slice(0, 8).map((e) => `${what}: ${describe(e)}`)
  }
}

function compileRoute(method: string, template: string, operation: Operation): CompiledRoute {
  const names: string[] = []
  let literals = 0
  const segments = template.split('/').slice(1)
  const source = segments
    .map((segment, i) => {
      const param = /^\{([^}]+)\}$/.exec(segment)
      if (param && param[1]) {
        names.push(param[1])
        const last = i === segments.length - 1
        return last && GREEDY.has(param[1]) ? '(.+)' : '([^/]+)'
      }
      literals++
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { method, template, regex: new RegExp(`^/${source}/?$`), names, literals, operation }
}

/** `#/components/...` inside an inline schema points into the whole description. */
function relocateRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relocateRefs)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith('#/')
          ? `${SPEC_ID}${v}`
          : relocateRefs(v)
    }
    return out
  }
  return value
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `{anyOf: [{type: 'null'}, schema]}` (Ajv accepts
 * `nullable` only next to `type`, and GitHub's description also puts it next to `oneOf`/`$ref`).
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema)
  if (!value || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  let nullable = false
  for (const [k, v] of Object.entries(value)) {
    if (k === 'nullable' && v === true) nullable = true
    else if (k === 'nullable' && v === false) continue
    else out[k] = toJsonSchema(v)
  }
  return nullable ? { anyOf: [{ type: 'null' }, out] } : out
}

function coerce(raw: string, schema: SchemaObject | undefined): Json {
  const type = schema?.type
  if (type === 'integer' || type === 'number') {
    const n = Number(raw)
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw
  }
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw
  return raw
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '(root)'
  const extra =
    e.keyword === 'additionalProperties'
      ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'`
      : e.keyword === 'enum'
        ? ` ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`
        : ''
  return `${where} ${e.message ?? e.keyword}${extra}`
}
