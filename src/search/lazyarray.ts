/**
 * A read-only array whose items are made on first read and kept: a loaded index holds its passages in columns and
 * makes a passage object only for the passages a question reaches. It behaves as an array (`length`, indexing,
 * iteration, `map`, `filter`, `slice`, `Array.isArray`); writing to it throws.
 */
export function lazyArray<T>(length: number, make: (index: number) => T): T[] {
  const made = new Array<T | undefined>(length);
  // An index is read as its canonical decimal string ("12", not "012" or "1e1"), digit by digit: every passage a
  // question reaches comes through here, and Number() and String() of each key cost more than the read itself.
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== 'string' || key === '' || key.length > 10) return -1;
    if (key.length > 1 && key.charCodeAt(0) === ZERO) return -1;
    let index = 0;
    for (let at = 0; at < key.length; at++) {
      const digit = key.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) return -1;
      index = index * 10 + digit;
    }
    return index < length ? index : -1;
  };
  const at = (index: number): T => (made[index] ??= make(index));
  const readOnly = (): never => {
    throw new TypeError('Quoth: the passages of a loaded index are read-only');
  };
  return new Proxy(made as T[], {
    get: (target, key, receiver) => {
      const index = indexOf(key);
      return index >= 0 ? at(index) : Reflect.get(target, key, receiver);
    },
    has: (target, key) => indexOf(key) >= 0 || Reflect.has(target, key),
    getOwnPropertyDescriptor: (target, key) => {
      const index = indexOf(key);
      return index >= 0 ? { value: at(index), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys: () => [...Array.from({ length }, (_, index) => String(index)), 'length'],
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}

const ZERO = '0'.charCodeAt(0);
