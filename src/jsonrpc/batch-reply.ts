// Collects the responses to one received batch (2025-03-26) and sends them as one array once
// every request in it has been answered or cancelled.
import type { JsonRpcResponse } from '../spec/jsonrpc.js';

export class BatchReply {
  readonly #send: (responses: JsonRpcResponse[]) => void;
  readonly #responses: JsonRpcResponse[] = [];
  #outstanding = 0;
  #sealed = false;

  constructor(send: (responses: JsonRpcResponse[]) => void) {
    this.#send = send;
  }

  /** One more response is on its way. */
  expect(): void {
    this.#outstanding++;
  }

  add(response: JsonRpcResponse): void {
    this.#responses.push(response);
    this.#settleOne();
  }

  /** An expected response will never come (its request was cancelled). */
  skip(): void {
    this.#settleOne();
  }

  /** Every item of the batch has been read; from now on the reply goes out when complete. */
  seal(): void {
    this.#sealed = true;
    this.#flushIfDone();
  }

  #settleOne(): void {
    this.#outstanding--;
    this.#flushIfDone();
  }

  #flushIfDone(): void {
    if (!this.#sealed || this.#outstanding > 0) return;
    this.#sealed = false;
    // A batch of notifications and responses only gets no reply at all.
    if (this.#responses.length > 0) this.#send(this.#responses);
  }
}
