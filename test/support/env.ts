// Tests run with quiet logs and a fixed hashing secret unless a test sets its own.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
// Detectors built by the tests keep their trained classifier here (core/safety/trainedCache.ts), so each test file
// need not train it again.
process.env.STARLING_SAFETY_CACHE_DIR =
  process.env.STARLING_SAFETY_CACHE_DIR ?? require('node:path').join(__dirname, '..', '..', 'node_modules', '.cache', 'starling-safety');
