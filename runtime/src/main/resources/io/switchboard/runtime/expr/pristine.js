// Run once in every pooled context before any expression: makes the global state read-only, so
// that no evaluation can change what a later one computes or leave anything a later one can read.
(() => {
  'use strict';
  // The legacy RegExp statics ($1, lastMatch, input, ...) hold the last match of any evaluation.
  for (const name of Reflect.ownKeys(RegExp)) {
    if (typeof name === 'string' && /^(\$.*|input|lastMatch|lastParen|leftContext|rightContext)$/.test(name)) {
      delete RegExp[name];
    }
  }
  // A cleanup callback would run during some later evaluation.
  delete globalThis.FinalizationRegistry;

  // Intrinsics that no global names but syntax or a built-in's result reaches.
  const seeds = [
    globalThis,
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(''[Symbol.iterator]()),
    Object.getPrototypeOf('a'.matchAll(/a/g)),
    Object.getPrototypeOf([].values().map((x) => x)),
    Object.getPrototypeOf(Iterator.from({ next: () => ({ done: true }) })),
  ];
  if (typeof Intl === 'object' && typeof Intl.Segmenter === 'function') {
    const segments = new Intl.Segmenter().segment('');
    seeds.push(Object.getPrototypeOf(segments), Object.getPrototypeOf(segments[Symbol.iterator]()));
  }
  const reached = new Set();
  const pending = seeds;
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || reached.has(value)) {
      continue;
    }
    reached.add(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const property = Reflect.getOwnPropertyDescriptor(value, key);
      pending.push(property.value, property.get, property.set);
    }
  }
  for (const value of reached) {
    Object.freeze(value);
  }
})();
