/**
 * SHA-256 with Web Crypto, which the browser and Node 20 (globalThis.crypto) both have: the
 * extension and the CLI hash with the same call, and no hashing library is shipped.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
