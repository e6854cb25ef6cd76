import { unzipSync } from 'fflate';

/**
 * Reads the XML parts of an Office file. The sizes come from the ZIP directory, checked before
 * anything is inflated, so a small file that would inflate to gigabytes (a "zip bomb") is refused
 * instead of filling memory.
 */
export class TooLargeToCheck extends Error {
  constructor(readonly unzippedBytes: number) {
    super(`unzipped size ${unzippedBytes} is over the limit`);
  }
}

/** The names and inflated sizes of every part, without inflating any. */
export function zipDirectory(bytes: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  unzipSync(bytes, {
    filter: (f) => {
      sizes.set(f.name, f.originalSize);
      return false;
    },
  });
  return sizes;
}

/** The parts whose names `pick` accepts, as text; throws TooLargeToCheck when they add up to more than `maxBytes`. */
export function readXmlParts(bytes: Uint8Array, pick: (name: string) => boolean, maxBytes: number): Map<string, string> {
  let total = 0;
  for (const [name, size] of zipDirectory(bytes)) if (pick(name)) total += size;
  if (total > maxBytes) throw new TooLargeToCheck(total);
  const decoder = new TextDecoder();
  const parts = unzipSync(bytes, { filter: (f) => pick(f.name) });
  return new Map(Object.entries(parts).map(([name, data]) => [name, decoder.decode(data)]));
}

/** Decodes the five XML entities and numeric character references in text content. */
export function xmlText(raw: string): string {
  return raw.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return safeCodePoint(parseInt(hex, 16), whole);
    if (dec) return safeCodePoint(parseInt(dec, 10), whole);
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name!.toLowerCase() as 'lt'] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** The value of attribute `name` (with any prefix) in one start tag. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]!) : undefined;
}
