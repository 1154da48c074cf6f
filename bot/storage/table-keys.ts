// Table Storage forbids these in PartitionKey/RowKey: / \ # ? and control characters.
const FORBIDDEN_KEY_CHARACTERS = /[/\\#?\p{Cc}]/u;
const MAX_KEY_LENGTH = 512;

/**
 * Throws RangeError for a value that cannot be (part of) a PartitionKey or
 * RowKey. Tenant ids and submission ids are validated long before they reach
 * storage, so a failure here is a bug, not user error.
 */
export function assertKeyPart(value: string, what: string): void {
  if (value === '' || value.length > MAX_KEY_LENGTH || FORBIDDEN_KEY_CHARACTERS.test(value)) {
    throw new RangeError(`${what} cannot be used as a Table Storage key: ${JSON.stringify(value)}`);
  }
}
