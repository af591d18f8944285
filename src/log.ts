/** Structured JSON logging (pino). Secrets never reach the output: known fields are redacted and every line is scrubbed. */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Literal values that must never be written (the bot token). Empty and undefined entries are ignored. */
  secrets?: (string | undefined)[];
  /** Where lines go; standard output by default. Tests pass a stream that collects lines. */
  destination?: DestinationStream;
}

/** Field names whose value is replaced by `[Redacted]`, at the top level and one level down. */
const REDACTED_FIELDS = ['token', 'discordToken', 'DISCORD_TOKEN', 'authorization', 'Authorization'];

const REDACT_PATHS = [
  ...REDACTED_FIELDS,
  ...REDACTED_FIELDS.map((field) => `*.${field}`),
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

/**
 * Interaction and webhook tokens ride in URL paths (`/interactions/{id}/{token}/callback`,
 * `/webhooks/{applicationId}/{token}/…`), so discord.js errors carry them in `url` and in messages.
 */
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]{16,}/g;

/** Creates the process logger: one JSON object a line, token fields redacted, known secrets scrubbed from every line. */
export function createLogger(level: LevelWithSilent = 'info', options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret): secret is string => secret !== undefined && secret.length >= 8);
  const scrub = (line: string): string => {
    let clean = line.replace(URL_TOKEN, '$1[Redacted]');
    for (const secret of secrets) clean = clean.split(secret).join('[Redacted]');
    return clean;
  };
  return pino(
    {
      level,
      base: { app: 'quoth' },
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      hooks: { streamWrite: scrub },
    },
    options.destination ?? pino.destination({ sync: true }),
  );
}

/**
 * Process-level safety net: an unhandled promise rejection is logged and the bot keeps running; an uncaught
 * exception is logged as fatal and the process exits with code 1 (its state is unknown; let the supervisor restart
 * it). Returns a function that removes both handlers.
 */
export function logProcessFaults(logger: Logger, target: NodeJS.EventEmitter = process, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const onRejection = (reason: unknown): void => {
    logger.error({ err: reason }, 'unhandled promise rejection; still running');
  };
  const onException = (error: Error): void => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    exit(1);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
