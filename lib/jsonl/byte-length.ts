// UTF-8 size of a string without Buffer (isomorphic) and without encoding it: quotas are in
// bytes, and almost every line is ASCII, where the size is the length.

const NON_ASCII = /[^\x00-\x7f]/;

/** Number of bytes `s` takes in UTF-8. */
export function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  // Only the non-ASCII characters add bytes; a regex strips the ASCII runs much faster than a loop.
  const rest = s.replace(/[\x00-\x7f]+/g, "");
  let extra = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // 2 bytes below U+0800, 3 for the rest of the BMP; a surrogate pair (2 units) takes 4.
    extra += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return s.length + extra;
}
