/** Jest runs the TypeScript sources directly; `npm run typecheck` does the full type check. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 30000,
  // Jest's default leaves a core for its main thread, which only waits: on a 2-core machine that ran every file one
  // after another (about 470 s); a worker per core halves it
  maxWorkers: '100%',
};
