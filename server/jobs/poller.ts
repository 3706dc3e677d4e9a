// Runs a piece of background work every so often on each instance, never two passes at once, and lets
// shutdown wait for a pass under way. The work itself must be safe with other instances (claims).

export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass now; a pass already under way is joined, not doubled. */
  tick(): Promise<void> {
    this.running ??= this.work()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
