/**
 * Joins writes that arrive while one is under way into the next one: the
 * first caller's items go out at once, and whatever is submitted meanwhile
 * waits for that request and then goes out together, as one request (or as
 * few as `write` needs). Alone, a caller waits for nothing; under load,
 * many callers share a request. Each caller's promise settles when the
 * request that carried its items did, rejecting with that request's error.
 */
export class GroupCommit<T> {
  private waiting: { readonly items: readonly T[]; readonly resolve: () => void; readonly reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly write: (items: readonly T[]) => Promise<void>) {}

  submit(items: readonly T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.write(batch.flatMap((entry) => entry.items));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.running = false;
  }
}
