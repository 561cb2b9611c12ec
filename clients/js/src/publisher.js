// Publishing from a backend (Node >= 20): POST /events with the API key, retried with backoff on
// network failures, 5xx and 429, with one Idempotency-Key per logical publish that every retry
// reuses, so that a retry after a timeout is never delivered twice.
import { randomUUID } from "node:crypto";
import { backoffDelay } from "./index.js";

const RETRIED = new Set([409, 429, 500, 502, 503, 504]);

/**
 * @param {{url: string, apiKey?: string, attempts?: number, backoff?: {baseMs?: number, maxMs?: number},
 *   fetch?: typeof fetch}} options url: the service's base address, such as "https://events.example.com"
 */
export function createPublisher({ url, apiKey, attempts = 5, backoff = { baseMs: 200, maxMs: 5000 }, fetch: send = fetch }) {
  const endpoint = new URL("/events", url);
  return {
    /**
     * @param {{event: string, room?: string, data?: unknown}} event
     * @param {{idempotencyKey?: string}} [options]
     * @returns {Promise<{id: string, timestamp: string}>}
     */
    async publish(event, { idempotencyKey = randomUUID() } = {}) {
      const headers = { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey };
      if (apiKey) headers.Authorization = "Bearer " + apiKey;
      const body = JSON.stringify(event);
      let lastProblem;
      for (let attempt = 0; attempt < attempts; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt - 1, backoff)));
        let response;
        try {
          response = await send(endpoint, { method: "POST", headers, body });
        } catch (failure) {
          lastProblem = String(failure);
          continue;
        }
        const answer = await response.json().catch(() => ({}));
        if (response.status === 202) return answer;
        lastProblem = response.status + ": " + (answer.detail ?? response.statusText);
        if (!RETRIED.has(response.status)) break;
      }
      throw new Error("eventgate publish failed: " + lastProblem);
    },
  };
}
