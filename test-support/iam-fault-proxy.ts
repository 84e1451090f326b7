/**
 * A small HTTP proxy in front of moto that makes IAM calls fail on purpose, for the fault tests
 * (moto itself never fails a call it can do). Every request is forwarded to moto unchanged and
 * recorded with its IAM `Action`; an armed fault picks the Nth call of one Action after it was
 * armed and
 * - `denied`: answers 403 `AccessDenied` without forwarding (nothing changes in moto);
 * - `server-error`: answers 500 `ServiceFailure` without forwarding (the SDK retries it);
 * - `lost-response`: forwards, so moto applies the call, then drops the connection before the
 *   answer (the client did not hear; the SDK retries and meets its own write);
 * - `killed`: forwards, then calls `onKilled` (the fault harness kills the action's process
 *   there) and drops this connection and every later one until `heal()`;
 * and, apart from those one-shot faults, IAM throttling of every Nth call (`throttle`).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type IamFaultKind = 'denied' | 'server-error' | 'lost-response' | 'killed'

export interface IamFault {
  /** The IAM Action, e.g. `CreateRole`. */
  readonly action: string
  readonly kind: IamFaultKind
  /** Which call of `action`, counted from when the fault was armed (1-based, default 1). */
  readonly nth?: number
  /** For `killed`: runs after moto applied the call and before the connection is dropped. */
  readonly onKilled?: () => void
}

export interface ProxiedCall {
  readonly action: string
  /** The status moto answered, or the fault's; 0 when the connection was dropped. */
  readonly status: number
  readonly fault: IamFaultKind | 'throttled' | null
}

export interface IamFaultProxy {
  /** `http://127.0.0.1:PORT`: the value for `AWS_ENDPOINT_URL`. */
  readonly endpoint: string
  /** Every call in order (retries included). */
  readonly calls: readonly ProxiedCall[]
  /** Arms a fault (one at a time: arming replaces the previous one). */
  fail(fault: IamFault): void
  /** Disarms the fault, forgets a `killed` cut, and keeps forwarding. */
  heal(): void
  /**
   * IAM throttling: every `every`-th call from now on (of any action) is answered 400
   * `Throttling: Rate exceeded` without forwarding, as IAM answers a burst; null stops it
   * (so does `heal()`).
   */
  throttle(every: number | null): void
  /** Forgets the recorded calls. */
  resetCalls(): void
  close(): Promise<void>
}

/** The IAM Action of a request: the form field `Action` (query protocol) or `X-Amz-Target`. */
export function iamAction(body: string, target: string | undefined): string {
  const form = new URLSearchParams(body).get('Action')
  if (form) return form
  return target?.split('.').pop() ?? ''
}

export async function startIamFaultProxy(target: string): Promise<IamFaultProxy> {
  const upstream = new URL(target)
  const calls: ProxiedCall[] = []
  let armed: { fault: IamFault; seen: number } | null = null
  let cut = false
  let throttling: { every: number; seen: number } | null = null
  const throttled = (): boolean => {
    if (!throttling) return false
    throttling.seen++
    return throttling.seen % throttling.every === 0
  }

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<ForwardedReply> =>
    new Promise((resolve, reject) => {
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host }
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks)
            })
          )
          res.on('error', reject)
        }
      )
      out.on('error', reject)
      out.end(body)
    })

  const take = (action: string): IamFault | null => {
    if (!armed || armed.fault.action !== action) return null
    armed.seen++
    if (armed.seen !== (armed.fault.nth ?? 1)) return null
    const { fault } = armed
    armed = null
    return fault
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const action = iamAction(body.toString('utf8'), header(req, 'x-amz-target'))
      if (cut) {
        calls.push({ action, status: 0, fault: 'killed' })
        req.socket.destroy()
        return
      }
      if (throttled()) {
        calls.push({ action, status: 400, fault: 'throttled' })
        res.writeHead(400, { 'content-type': 'text/xml' })
        res.end(errorXml('throttled', action))
        return
      }
      const fault = take(action)
      if (fault?.kind === 'denied' || fault?.kind === 'server-error') {
        const status = fault.kind === 'denied' ? 403 : 500
        calls.push({ action, status, fault: fault.kind })
        res.writeHead(status, { 'content-type': 'text/xml' })
        res.end(errorXml(fault.kind, action))
        return
      }
      forward(req, body).then(
        (reply) => {
          if (fault) {
            calls.push({ action, status: 0, fault: fault.kind })
            if (fault.kind === 'killed') {
              cut = true
              fault.onKilled?.()
            }
            req.socket.destroy()
            return
          }
          calls.push({ action, status: reply.status, fault: null })
          res.writeHead(reply.status, reply.headers)
          res.end(reply.body)
        },
        (error: unknown) => {
          calls.push({ action, status: 502, fault: null })
          res.writeHead(502, { 'content-type': 'text/plain' })
          res.end(`iam-fault-proxy: moto did not answer: ${String(error)}`)
        }
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    fail(fault) {
      armed = { fault, seen: 0 }
    },
    heal() {
      armed = null
      cut = false
      throttling = null
    },
    throttle(every) {
      throttling = every === null ? null : { every, seen: 0 }
    },
    resetCalls() {
      calls.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

interface ForwardedReply {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: Buffer
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The error document of IAM's query protocol. */
function errorXml(kind: 'denied' | 'server-error' | 'throttled', action: string): string {
  const [type, code, message] =
    kind === 'denied'
      ? ['Sender', 'AccessDenied', `not authorized to perform: iam:${action} (injected fault)`]
      : kind === 'throttled'
        ? ['Sender', 'Throttling', 'Rate exceeded (injected fault)']
        : ['Receiver', 'ServiceFailure', `internal failure in ${action} (injected fault)`]
  return `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`
}
