/**
 * Fills gaps of moto 5.2.1 in the tests, openly:
 * - a user's permissions boundary cannot be stored (CreateUser ignores PermissionsBoundary,
 *   PutUserPermissionsBoundary answers 500) and GetUser never returns one, so the boundary is
 *   added to moto's GetUser answer for the named user by an SDK middleware on the test's client.
 *   Everything else (the boundary policy, the role created with it) is real moto state.
 */
import type { AwsApi } from '../../../src/aws/clients.js'

export function injectUserBoundary(api: AwsApi, userName: string, boundaryArn: string): () => void {
  const name = `injectUserBoundary-${userName}`
  api.iam.middlewareStack.add(
    ((
        next: (args: unknown) => Promise<{ output: Record<string, unknown> }>,
        context: { commandName?: string }
      ) =>
      async (args: { input?: { UserName?: string } }) => {
        const result = await next(args)
        if (context.commandName === 'GetUserCommand' && args.input?.UserName === userName) {
          const user = result.output.User as Record<string, unknown> | undefined
          if (user) {
            user.PermissionsBoundary = {
              PermissionsBoundaryType: 'Policy',
              PermissionsBoundaryArn: boundaryArn
            }
          }
        }
        return result
      }) as never,
    { step: 'initialize', name }
  )
  return () => api.iam.middlewareStack.remove(name)
}
