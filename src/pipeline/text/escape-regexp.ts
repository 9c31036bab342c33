/**
 * Text taken from a plan (a place name, a signing body) and put inside a RegExp must be escaped:
 * malformed input such as "**中共某市委" would otherwise make an invalid pattern and stop the parse.
 */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
