/**
 * A value kept on an object itself, in a non-enumerable symbol-keyed property: what a WeakMap would
 * remember of a report's objects (a table's cell index, the paragraphs of a prose), without one. V8's
 * scavenger keeps the value of a WeakMap entry whose key is young alive, so WeakMap caches of each
 * report's objects had the whole of every report promoted to the old generation, collected only by full
 * collections. A slot goes with its object; JSON, spreads and deep equality do not see it.
 */
export class Slot<K extends object, V> {
  private readonly key: symbol;

  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(k: K): V | undefined {
    return (k as Record<symbol, V | undefined>)[this.key];
  }

  /** Sets the value (undefined: forgets it, without deleting the property, which would slow the object down). */
  set(k: K, v: V | undefined): void {
    if (Object.prototype.hasOwnProperty.call(k, this.key)) (k as Record<symbol, V | undefined>)[this.key] = v;
    else if (v !== undefined) Object.defineProperty(k, this.key, { value: v, writable: true, configurable: true, enumerable: false });
  }
}
