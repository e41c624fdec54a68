/**
 * The services' OpenAPI documents (SmallRye, from Java records) mark no property as required, so every
 * generated field is optional. The records always carry every field (nullable ones as null), so the apps read
 * responses through this type: each property present, nested objects and arrays alike. Nullable fields still
 * need `??` where shown; the formatting helpers take null.
 */
export type Defined<T> = T extends (infer U)[]
  ? Defined<U>[]
  : T extends object
    ? { [K in keyof T]-?: Defined<Exclude<T[K], undefined>> }
    : T;
