import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; credentials and cookies are redacted at the source so they never reach a log file. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
  });
}
