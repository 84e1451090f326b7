/**
 * A small HTTP proxy in front of moto that supplies the last-use evidence moto does not record,
 * for the cleanup tests and the demo: moto never sets `RoleLastUsed` (GetRole) and answers
 * `GetAccessKeyLastUsed` without a use. Every request is forwarded to moto unchanged; the
 * answers of those two Actions get the use the test (or the demo, standing in for the workflow
 * run that used the role) recorded here. `ListServiceSpecificCredentials`, which moto does not
 * implement, is answered here (none). Everything else is moto's own answer.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { iamAction } from './iam-fault-proxy.js'

export interface RecordedKeyUse {
  /** ISO 8601. */
  readonly at: string
  readonly service: string
  readonly region: string
}

export interface IamEvidenceProxy {
  /** `http://127.0.0.1:PORT`: the value for `AWS_ENDPOINT_URL`. */
  readonly endpoint: string
  /** The role was assumed at `at` (what IAM shows as `RoleLastUsed`). */
  roleUsed(roleName: string, at: string, region?: string): void
  /** The access key was used at `at` with `service` in `region`. */
  keyUsed(accessKeyId: string, use: RecordedKeyUse): void
  /** The IAM Actions called, in order. */
  readonly actions: readonly string[]
  close(): Promise<void>
}

const NO_SERVICE_CREDENTIALS =
  '<ListServiceSpecificCredentialsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListServiceSpecificCredentialsResult><ServiceSpecificCredentials/></ListServiceSpecificCredentialsResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></ListServiceSpecificCredentialsResponse>'

export async function startIamEvidenceProxy(target: string): Promise<IamEvidenceProxy> {
  const upstream = new URL(target)
  const roles = new Map<string, { at: string; region: string }>()
  const keys = new Map<string, RecordedKeyUse>()
  const actions: string[] = []

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const form = new URLSearchParams(body.toString('utf8'))
      const target = req.headers['x-amz-target']
      const action = iamAction(body.toString('utf8'), Array.isArray(target) ? target[0] : target)
      actions.push(action)
      if (action === 'ListServiceSpecificCredentials') {
        // Moto does not implement it (an HTML 500): answered here, as IAM does for a user
        // with none. Its permission is therefore not checked by moto.
        res.writeHead(200, { 'content-type': 'text/xml' })
        res.end(NO_SERVICE_CREDENTIALS)
        return
      }
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          // The Host header as signed: moto checks signatures when permission checks are on.
          headers: req.headers
        },
        (answer) => {
          const parts: Buffer[] = []
          answer.on('data', (c: Buffer) => parts.push(c))
          answer.on('end', () => {
            let text = Buffer.concat(parts).toString('utf8')
            if ((answer.statusCode ?? 500) < 300) text = rewrite(action, form, text)
            const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) }
            delete headers['transfer-encoding']
            res.writeHead(answer.statusCode ?? 502, headers)
            res.end(text)
          })
        }
      )
      out.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`iam-evidence-proxy: moto did not answer: ${String(error)}`)
      })
      out.end(body)
    })
  })

  const rewrite = (action: string, form: URLSearchParams, xml: string): string => {
    if (action === 'GetRole') {
      const use = roles.get(form.get('RoleName') ?? '')
      if (!use) return xml
      const element = `<RoleLastUsed><LastUsedDate>${use.at}</LastUsedDate><Region>${use.region}</Region></RoleLastUsed>`
      return xml
        .replace(/<RoleLastUsed\s*\/>|<RoleLastUsed>[\s\S]*?<\/RoleLastUsed>/, '')
        .replace('</Role>', `${element}</Role>`)
    }
    if (action === 'GetAccessKeyLastUsed') {
      const use = keys.get(form.get('AccessKeyId') ?? '')
      if (!use) return xml
      const element = `<AccessKeyLastUsed><LastUsedDate>${use.at}</LastUsedDate><ServiceName>${use.service}</ServiceName><Region>${use.region}</Region></AccessKeyLastUsed>`
      return /<AccessKeyLastUsed>[\s\S]*?<\/AccessKeyLastUsed>|<AccessKeyLastUsed\s*\/>/.test(xml)
        ? xml.replace(
            /<AccessKeyLastUsed>[\s\S]*?<\/AccessKeyLastUsed>|<AccessKeyLastUsed\s*\/>/,
            element
          )
        : xml.replace('</GetAccessKeyLastUsedResult>', `${element}</GetAccessKeyLastUsedResult>`)
    }
    return xml
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    roleUsed(roleName, at, region = 'us-east-1') {
      roles.set(roleName, { at, region })
    },
    keyUsed(accessKeyId, use) {
      keys.set(accessKeyId, use)
    },
    actions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
