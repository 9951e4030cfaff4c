import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Token-shaped strings are redacted from every line. */
export function createLogger(level: string, secrets: string[] = [], destination?: pino.DestinationStream): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config.telegram.token', 'config.zalo.token'], censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => hidden.reduce((acc, s) => acc.split(s).join('[redacted]'), line),
      },
    },
    destination ?? pino.destination(2),
  );
}
