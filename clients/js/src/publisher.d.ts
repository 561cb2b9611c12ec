export interface PublisherOptions {
  /** The service's base address, such as "https://events.example.com". */
  url: string;
  /** One of eventgate.api-keys. */
  apiKey?: string;
  /** Tries in all, the first included. Default 5. */
  attempts?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  fetch?: typeof fetch;
}

export interface Publisher {
  /** Publishes once, retrying with the same Idempotency-Key until accepted or the attempts are spent. */
  publish(
    event: { event: string; room?: string; data?: unknown },
    options?: { idempotencyKey?: string },
  ): Promise<{ id: string; timestamp: string; offset?: string }>;
}

export function createPublisher(options: PublisherOptions): Publisher;
