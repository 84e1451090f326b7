// ESM + TypeScript through ts-jest. Type checking is done once by `npm run typecheck`,
// so ts-jest only transpiles (isolatedModules) and the suites start fast.
export default {
  clearMocks: true,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/dist/', '/node_modules/', '/build/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  testTimeout: 60000,
  // Two workers on this 2-core machine: every suite starts its own moto_server and GitHub
  // server on free ports, so suites run side by side (full run 7 m 53 s instead of ~19 min
  // serially; three workers overloaded the machine and timed out).
  maxWorkers: 2
}
