/**
 * What the letters' fonts can print. The 14 standard PDF fonts cover Windows-1252 only, which holds
 * Indonesian but not every script a name may be written in; pdfkit prints other glyphs in place of
 * anything else, so text is checked before it reaches a letter. Pure, so forms can check early.
 */
/** Windows-1252's characters in 0x80–0x9F; with printable ASCII and Latin-1 they are all these fonts can print. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/**
 * The first character of a text that the standard fonts cannot print, or undefined. pdfkit does not
 * refuse such a character, it prints other glyphs in its place, so a letter must be checked first.
 */
export function unprintableCharacter(value: string): string | undefined {
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch)) continue;
    return ch;
  }
  return undefined;
}
