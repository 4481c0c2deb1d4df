/** A product reference as written in a model: `grain` or `grain@ukraine`. */
export interface ProductRef {
  readonly product: string;
  /** The region after `@`, if given. */
  readonly region?: string;
}

/** Splits `product@region` at its first `@` (ids contain no `@`). */
export function parseProductRef(key: string): ProductRef {
  const at = key.indexOf('@');
  return at < 0 ? { product: key } : { product: key.slice(0, at), region: key.slice(at + 1) };
}
