import { Redis } from 'ioredis';

// How instances tell each other about changes. One instance: in-process. Several instances: Redis
// pub/sub, so a client on any instance hears what was written through any other. Messages are strings
// (JSON), the same on both, so nothing passes in-process that would not survive the wire.

export type Handler = (message: string) => void;

export interface Bus {
  publish(channel: string, message: string): Promise<void>;
  /** Starts listening; resolves once messages published from now on will arrive. Returns the way to stop. */
  subscribe(channel: string, handler: Handler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Keeps the handlers of each channel and says when a channel gains its first or loses its last one. */
class Channels {
  private readonly handlers = new Map<string, Set<Handler>>();

  add(channel: string, handler: Handler): boolean {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    return first;
  }

  remove(channel: string, handler: Handler): boolean {
    const set = this.handlers.get(channel);
    if (!set) return false;
    set.delete(handler);
    if (set.size > 0) return false;
    this.handlers.delete(channel);
    return true;
  }

  deliver(channel: string, message: string): void {
    for (const handler of this.handlers.get(channel) ?? []) handler(message);
  }
}

export class InProcessBus implements Bus {
  private readonly channels = new Channels();

  async publish(channel: string, message: string): Promise<void> {
    // Asynchronous like a real bus, so nobody comes to depend on delivery inside publish().
    queueMicrotask(() => this.channels.deliver(channel, message));
  }

  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    this.channels.add(channel, handler);
    return async () => {
      this.channels.remove(channel, handler);
    };
  }

  async close(): Promise<void> {}
}

export class RedisBus implements Bus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Channels();
  private closed = false;

  constructor(url: string) {
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    this.subscriber.on('message', (channel: string, message: string) =>
      this.channels.deliver(channel, message),
    );
  }

  async publish(channel: string, message: string): Promise<void> {
    if (!this.closed) await this.publisher.publish(channel, message);
  }

  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    if (this.channels.add(channel, handler)) await this.subscriber.subscribe(channel);
    return async () => {
      if (this.channels.remove(channel, handler) && !this.closed) await this.subscriber.unsubscribe(channel);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}

export const createBus = (redisUrl: string | null): Bus =>
  redisUrl ? new RedisBus(redisUrl) : new InProcessBus();
