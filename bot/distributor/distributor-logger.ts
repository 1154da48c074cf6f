/** The part of a pino logger the distributor side uses: structured fields first, then the message. */
export interface DistributorLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
