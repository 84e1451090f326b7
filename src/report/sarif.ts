import { FINDING_KINDS, type Finding, type ScanResult } from '../workflows/findings.js'
import { KIND_INFO } from './kinds.js'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/aws-keys-to-oidc/aws-keys-to-oidc'

export interface SarifOptions {
  readonly toolVersion: string
  /**
   * Prefix added to every finding's path so that locations are relative to the repository root
   * (code scanning resolves them there), e.g. `services/api/` when a subfolder was scanned.
   */
  readonly pathPrefix?: string
}

/**
 * Findings as a SARIF 2.1.0 log that github/codeql-action/upload-sarif accepts: one rule per kind,
 * one result per finding, files that could not be parsed as tool execution notifications.
 */
export function toSarif(result: ScanResult, options: SarifOptions): object {
  const prefix = options.pathPrefix ?? ''
  const rules = FINDING_KINDS.map((kind) => ({
    id: kind,
    name: ruleName(kind),
    shortDescription: { text: KIND_INFO[kind].title },
    fullDescription: { text: KIND_INFO[kind].help },
    help: { text: KIND_INFO[kind].help, markdown: KIND_INFO[kind].help },
    defaultConfiguration: { level: kind === 'non-aws' ? 'note' : 'warning' },
    properties: {
      tags: ['security', 'aws', 'credentials'],
      precision: 'high',
      'security-severity': kind === 'non-aws' ? '2.0' : '7.5'
    }
  }))
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-keys-to-oidc',
            semanticVersion: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules
          }
        },
        results: result.findings.map((f) => sarifResult(f, prefix)),
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: result.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [location(prefix + e.file, e.line, 1)]
            }))
          }
        ]
      }
    ]
  }
}

function sarifResult(f: Finding, prefix: string): object {
  return {
    ruleId: f.kind,
    ruleIndex: FINDING_KINDS.indexOf(f.kind),
    level: f.migration === 'not-migrated' ? 'note' : 'warning',
    message: { text: `${f.reason} (secrets: ${f.secrets.join(', ') || 'none'})` },
    locations: [location(prefix + f.file, f.line, f.column)],
    partialFingerprints: {
      // Stable across line moves: the file, the job, the kind and the secrets identify the use.
      'keyUse/v1': [f.file, f.job ?? '', f.kind, f.secrets.join(',')].join('|')
    },
    properties: {
      migration: f.migration,
      job: f.job,
      secrets: f.secrets
    }
  }
}

function location(uri: string, line: number, column: number): object {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) }
    }
  }
}

function ruleName(kind: string): string {
  return kind
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}
