/** One setting that differs between the operator's unsaved edit and the version saved meanwhile. */
export interface Difference {
  field: string;
  mine: string;
  theirs: string;
}

function flatten(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      into.set(path, value.join(' → '));
    } else {
      value.forEach((item, i) => flatten(item, `${path}[${i}]`, into));
      if (value.length === 0) into.set(path, '');
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, value == null ? '' : String(value));
  }
}

/** Every leaf setting whose value differs, by its path (`agent.greeting`, `agent.providers.llm`). */
export function differences(mine: unknown, theirs: unknown): Difference[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(mine, '', a);
  flatten(theirs, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((field) => (a.get(field) ?? '') !== (b.get(field) ?? ''))
    .map((field) => ({ field, mine: a.get(field) ?? '', theirs: b.get(field) ?? '' }));
}
