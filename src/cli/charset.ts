/**
 * Saved pages come in the charset their server declared, not always UTF-8 (old French and German
 * boards serve windows-1252). Decoded the way a browser would: a byte order mark first, then the
 * page's own <meta charset> / http-equiv declaration, then UTF-8 if the bytes are valid UTF-8, and
 * windows-1252 otherwise.
 */

/** WHATWG: labels of Latin-1 and ASCII mean windows-1252. */
const ALIASES: Record<string, string> = { 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', 'iso8859-1': 'windows-1252' };

export function sniffCharset(bytes: Uint8Array): { charset: string; source: 'bom' | 'meta' | 'valid utf-8' | 'fallback' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', source: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', source: 'bom' };
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (declared) {
    const label = ALIASES[declared.toLowerCase()] ?? declared.toLowerCase();
    try {
      new TextDecoder(label);
      return { charset: label, source: 'meta' };
    } catch {
      // an unknown label: sniff as if there were none
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { charset: 'utf-8', source: 'valid utf-8' };
  } catch {
    return { charset: 'windows-1252', source: 'fallback' };
  }
}

/** Bytes 0x80-0x9F of windows-1252 (the euro sign, curly quotes, Polish and Czech letters...). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodePage(bytes: Uint8Array): { html: string; charset: string } {
  const { charset } = sniffCharset(bytes);
  let html = new TextDecoder(charset).decode(bytes);
  // Node 20's decoder reads windows-1252 as ISO-8859-1: 0x80-0x9F come out as C1 controls.
  if (charset === 'windows-1252') html = html.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  return { html, charset };
}
