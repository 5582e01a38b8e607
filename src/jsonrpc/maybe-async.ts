// Values that are promises only when they have to be: synchronous handlers and validators then
// cost no promise and no microtask on the request path.

export type MaybePromise<T> = T | Promise<T>;

export function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
