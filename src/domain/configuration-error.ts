/**
 * A setting the service cannot run with. Thrown while configuration is parsed
 * at start, so the server stops with a message that names the variable to fix.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  /** The setting at fault, e.g. `INVITATION_LINK`; undefined when the value has no single source. */
  readonly variable: string | undefined;

  constructor(detail: string, variable?: string) {
    super(variable === undefined ? detail : `${variable}: ${detail}`);
    this.variable = variable;
  }
}
