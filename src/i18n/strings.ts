// The English dictionary must have exactly the shape of the Chinese one (the default language):
// same keys, strings where Chinese has strings, functions with the same parameters.
export type Strings<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Strings<R>
    : T extends readonly unknown[]
      ? { [K in keyof T]: Strings<T[K]> }
      : T extends object
        ? { [K in keyof T]: Strings<T[K]> }
        : T;
