/**
 * Every value in an OpenAPI document under a keyword that `wanted` accepts, by its JSON
 * pointer; the search does not descend into what it collects.
 */
export function collectKeywords(
  node: unknown,
  wanted: (keyword: string, value: unknown) => boolean,
  at = '#',
): Record<string, unknown> {
  if (!node || typeof node !== 'object') {
    return {};
  }
  const found: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (wanted(key, value)) {
      found[pointer] = value;
    } else {
      Object.assign(found, collectKeywords(value, wanted, pointer));
    }
  }
  return found;
}
