// Tests run with quiet logs and a fixed hashing secret unless a test sets its own.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
