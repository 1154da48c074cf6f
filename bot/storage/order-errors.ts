/** The order would exceed Table Storage's entity limits (64 KiB per string property). */
export class OrderTooLargeError extends Error {
  override readonly name = 'OrderTooLargeError';
}
