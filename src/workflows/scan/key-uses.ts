/**
 * Which sites carry AWS key material, and in which role. A secret is key material when it feeds
 * a place that only takes keys (configure-aws-credentials key inputs, the standard AWS_* env
 * variables, docker/login-action to ECR) anywhere in the scanned files, or when its name says
 * so (`*_ACCESS_KEY_ID`, `*_SECRET_ACCESS_KEY`, `AWS_*SESSION_TOKEN`, ...).
 */
import type { KeyRole } from '../key-names.js'
import {
  CAC_INPUTS,
  STANDARD_ENV,
  awsWord,
  roleFromArgName,
  roleFromName,
  roleFromSinkName
} from '../key-names.js'
import { expressionsOf } from '../expressions.js'
import type { Site } from './sites.js'

/** Secret names (upper case) known to be key material, with their role. */
export type KnownRoles = ReadonlyMap<string, KeyRole>

/** One piece of key material in a site's value. */
export interface KeyUse {
  readonly site: Site
  /** null when the role is unknown (the whole secrets context handed over). */
  readonly role: KeyRole | null
  /** The secret's name when fixed in the file. */
  readonly secret: string | null
  /**
   * `secret`: `secrets.NAME`; `env`: `env.NAME` set from a secret; `input`: an input of a composite
   * action or reusable workflow; `dynamic`: `secrets[...]` computed; `all-secrets`: `toJSON(secrets)`;
   * `expression`: any other expression in a configure-aws-credentials key input.
   */
  readonly via: 'secret' | 'env' | 'input' | 'dynamic' | 'all-secrets' | 'expression'
  /** The env variable, input name or dynamic index text for `env` / `input` / `dynamic`. */
  readonly detail: string
  /** One expression chooses among several secrets (`a && secrets.X || secrets.Y`). */
  readonly conditional: boolean
}

const DOCKER_LOGIN = /^docker\/login-action@/i
const ECR_REGISTRY = /\.dkr\.ecr\.|public\.ecr\.aws|(^|[^a-z])ecr([^a-z]|$)/i

/** The role a site's place gives its value, and whether that place only ever takes keys. */
export function sinkRole(site: Site): { role: KeyRole | null; strong: boolean } {
  const name = site.name ?? ''
  switch (site.where) {
    case 'cac':
      return { role: CAC_INPUTS[name] ?? null, strong: true }
    case 'env':
    case 'container-env': {
      const standard = STANDARD_ENV[name]
      if (standard) return { role: standard, strong: true }
      const role = roleFromName(name)
      return { role, strong: role !== null }
    }
    case 'with': {
      const uses = site.ctx.step?.uses ?? ''
      if (DOCKER_LOGIN.test(uses) && ECR_REGISTRY.test(site.ctx.withText.get('registry') ?? '')) {
        if (name === 'username') return { role: 'id', strong: true }
        if (name === 'password') return { role: 'secret', strong: true }
      }
      const strict = roleFromName(name)
      return { role: strict ?? roleFromSinkName(name), strong: strict !== null }
    }
    case 'caller': {
      const strict = roleFromName(name)
      return { role: strict ?? roleFromSinkName(name), strong: strict !== null }
    }
    default:
      return { role: null, strong: false }
  }
}

/** Secrets fed to strong sinks anywhere in the scan, with their role. */
export function learnRoles(sites: readonly Site[]): Map<string, KeyRole> {
  const known = new Map<string, KeyRole>()
  for (const site of sites) {
    const { role, strong } = sinkRole(site)
    if (!role || !strong) continue
    for (const s of site.refs.secrets) learn(known, s.name, role)
    for (const e of site.refs.env) {
      for (const s of envValue(site, e.name)?.secrets ?? []) learn(known, s.name, role)
    }
  }
  return known
}

function learn(known: Map<string, KeyRole>, name: string, role: KeyRole): void {
  const key = name.toUpperCase()
  if (!known.has(key)) known.set(key, role)
}

/** The key material in one site's value (empty when none). */
export function keyUses(site: Site, known: KnownRoles): KeyUse[] {
  const { role: sinkGuess, strong } = sinkRole(site)
  // A reusable workflow's secret is key material only with AWS evidence: the name it is
  // passed as, its consumer in the callee, or its own name (`JWT_SECRET_KEY` is none of these).
  const sink = site.where === 'caller' && !strong ? null : sinkGuess
  const refs = site.refs
  const conditional = refs.conditional
  const uses: KeyUse[] = []
  const roleOf = (name: string, offset: number | null): KeyRole | null =>
    sink ??
    (site.where === 'caller' ? callerRole(site, name, sinkGuess, known) : null) ??
    known.get(name.toUpperCase()) ??
    roleFromName(name) ??
    (offset !== null ? (roleInScript(site, offset) ?? roleFromArgName(name)) : null)
  for (const s of refs.secrets) {
    const role = roleOf(s.name, site.where === 'run' ? s.offset : null)
    if (role) uses.push({ site, role, secret: s.name, via: 'secret', detail: s.name, conditional })
  }
  // `${{ env.X }}` counts where the value is handed on (inputs, env); in scripts and conditions
  // the env entry X is itself the finding.
  const handsOn = site.where !== 'run' && site.where !== 'other'
  for (const e of handsOn ? refs.env : []) {
    const value = envValue(site, e.name)
    for (const s of value?.secrets ?? []) {
      const role =
        sink ?? roleFromName(e.name) ?? known.get(s.name.toUpperCase()) ?? roleFromName(s.name)
      if (role) {
        uses.push({
          site,
          role,
          secret: s.name,
          via: 'env',
          detail: e.name,
          conditional: conditional || (value?.conditional ?? false)
        })
      }
    }
  }
  const strongSink =
    sink !== null && (site.where === 'cac' || STANDARD_ENV[site.name ?? ''] !== undefined)
  if (strongSink) {
    for (const i of refs.inputs)
      uses.push({ site, role: sink, secret: null, via: 'input', detail: i.name, conditional })
  }
  for (const d of refs.dynamicSecrets) {
    // `secrets[matrix.x]`: the matrix lists the candidate names.
    const candidates = matrixCandidates(site, d.name)
    for (const name of candidates) {
      const role = sink ?? known.get(name.toUpperCase()) ?? roleFromName(name)
      if (role)
        uses.push({ site, role, secret: name, via: 'dynamic', detail: d.name, conditional: true })
    }
    const role = sink ?? roleFromName(d.name)
    if (role && candidates.length === 0) {
      uses.push({ site, role, secret: null, via: 'dynamic', detail: d.name, conditional: true })
    }
  }
  for (let i = 0; i < refs.allSecrets.length; i++) {
    uses.push({
      site,
      role: null,
      secret: null,
      via: 'all-secrets',
      detail: 'toJSON(secrets)',
      conditional
    })
  }
  if (site.where === 'run') uses.push(...scriptOutputs(site), ...scriptInputs(site))
  if (site.where === 'cac' && uses.length === 0 && sink) {
    uses.push({ site, role: sink, secret: null, via: 'expression', detail: '', conditional })
  }
  return uses
}

/**
 * The secret names a computed index can take when the job's matrix lists them:
 * `secrets[matrix.x]`, `secrets[format('{0}_AWS_ACCESS_KEY_ID', matrix.x)]`.
 */
function matrixCandidates(site: Site, index: string): string[] {
  const direct = /^matrix\s*\.\s*([\w-]+)$/i.exec(index)
  if (direct) return [...(site.ctx.matrix.get(direct[1]!) ?? [])]
  const formatted = /^format\s*\(\s*'([^']*)'\s*,\s*matrix\s*\.\s*([\w-]+)\s*\)$/i.exec(index)
  if (!formatted) return []
  const template = formatted[1]!
  return (site.ctx.matrix.get(formatted[2]!) ?? []).map((v) => template.split('{0}').join(v))
}

/**
 * The role of a secret passed to a reusable workflow under a loose name (`secret_key`), from
 * the evidence for it: the callee reading it as key material (learned as the passed name), or
 * an AWS word in the passed name or the secret's own name. Null without evidence.
 */
function callerRole(
  site: Site,
  secret: string,
  loose: KeyRole | null,
  known: KnownRoles
): KeyRole | null {
  const consumer = known.get((site.name ?? '').toUpperCase())
  if (consumer) return consumer
  if (loose === null) return null
  return awsWord(site.name ?? '') || awsWord(secret) ? loose : null
}

/** A script that logs the AWS CLI in: `aws configure set`, a credentials file, the key names. */
const WRITES_AWS_LOGIN =
  /aws\s+configure|\.aws\/credentials|AWS_SHARED_CREDENTIALS_FILE|aws_access_key_id|aws_secret_access_key/i

/**
 * Keys a composite action's script writes from its own inputs (`aws configure set
 * aws_access_key_id ${{ inputs.access_key_id }}`, a credentials file): the callers' keys reach
 * the AWS login through this action, as with inputs passed to configure-aws-credentials.
 */
function scriptInputs(site: Site): KeyUse[] {
  const text = site.ctx.runText
  if (!site.ctx.composite || text === null || !WRITES_AWS_LOGIN.test(text)) return []
  if (/session[_-]?token/i.test(text)) return []
  const uses: KeyUse[] = []
  for (const i of site.refs.inputs) {
    const role = roleInScript(site, i.offset) ?? roleFromSinkName(i.name)
    if (role === 'id' || role === 'secret') {
      uses.push({ site, role, secret: null, via: 'input', detail: i.name, conditional: false })
    }
  }
  return uses
}

const OUTPUT_EXPR = /^\s*(?:steps|needs)\s*\.\s*[\w-]+\s*\.\s*outputs\s*\.\s*[\w-]+\s*$/i

/**
 * Keys a script writes from step or job outputs (`aws configure set aws_access_key_id
 * ${{ steps.vault.outputs.KEY }}`): long-lived keys from somewhere other than a GitHub secret.
 * A script that also writes a session token handles temporary credentials and is left alone.
 */
function scriptOutputs(site: Site): KeyUse[] {
  const text = site.ctx.runText
  if (text === null || /session[_-]?token/i.test(text)) return []
  const uses: KeyUse[] = []
  for (const { body, offset } of expressionsOf(text)) {
    if (!OUTPUT_EXPR.test(body)) continue
    const role = roleInScript(site, offset - 3)
    if (role === 'id' || role === 'secret') {
      uses.push({
        site,
        role,
        secret: null,
        via: 'expression',
        detail: body.trim(),
        conditional: false
      })
    }
  }
  return uses
}

/** The references of `env.NAME` as seen from the site (its own map excluded). */
function envValue(site: Site, name: string): Site['refs'] | null {
  const own = site.where === 'env' ? site.path.slice(0, -1).join('\u0000') : null
  for (const scope of site.ctx.envScopes) {
    if (own !== null && scope.path.join('\u0000') === own) continue
    const v = scope.values.get(name)
    if (v) return v.refs
  }
  return null
}

/**
 * In a `run:` script, the words just before a secret reference on its line tell its role:
 * `aws_access_key_id=${{ secrets.X }}`, `aws configure set aws_secret_access_key ${{ ... }}`,
 * `--key ${{ ... }}` / `--secret ${{ ... }}` (serverless), `AWS_SESSION_TOKEN=...`.
 */
function roleInScript(site: Site, offset: number): KeyRole | null {
  const text = site.ctx.runText
  if (text === null) return null
  const lineStart = text.lastIndexOf('\n', offset) + 1
  const before = text.slice(Math.max(lineStart, offset - 80), offset).replace(/\$\{\{\s*$/, '')
  const word = /([A-Za-z0-9_-]+)["']?\s*[=:]?\s*["']?$/.exec(before)?.[1] ?? ''
  if (/^--key$/i.test(word)) return 'id'
  if (/^--secret$/i.test(word)) return 'secret'
  return roleFromArgName(word)
}
