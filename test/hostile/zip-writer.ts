// A hand-rolled .zip writer for hostile fixtures: deflated or stored entries, any entry name
// (even "../x"), and headers that may lie about sizes. A bomb of hundreds of MB is built piece by piece in a
// few MB of memory. CRCs are left 0 (yauzl does not check them).
import zlib from "node:zlib";

export type ZipEntrySpec = {
  name: string;
  /** the content, or a generator of it (for bombs) */
  data: Buffer | string | (() => Iterable<Buffer>);
  method?: "deflate" | "store";
  /** what the headers claim the entry unpacks to (default: the truth) */
  claimSize?: number;
};

function chunksOf(data: ZipEntrySpec["data"]): Iterable<Buffer> {
  if (typeof data === "function") return data();
  return [typeof data === "string" ? Buffer.from(data) : data];
}

// Each piece is deflated on its own, ended by a sync flush (non-final blocks on a byte boundary),
// and the pieces are joined and closed by one empty final block: a valid deflate stream in which
// repeated pieces (the same Buffer) are deflated once.
function packed(spec: ZipEntrySpec): { body: Buffer; size: number } {
  let size = 0;
  const parts: Buffer[] = [];
  if (spec.method === "store") {
    for (const p of chunksOf(spec.data)) {
      parts.push(p);
      size += p.length;
    }
    return { body: Buffer.concat(parts), size };
  }
  const cache = new Map<Buffer, Buffer>();
  for (const p of chunksOf(spec.data)) {
    let z = cache.get(p);
    if (!z) cache.set(p, (z = zlib.deflateRawSync(p, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH })));
    parts.push(z);
    size += p.length;
  }
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { body: Buffer.concat(parts), size };
}

/** The bytes of a .zip holding `entries`. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const { body, size } = packed(e);
    const claimed = e.claimSize ?? size;
    const method = e.method === "store" ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(claimed, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** `total` bytes made of `unit` repeated, in 1 MiB pieces. */
export function* repeated(unit: string | Buffer, total: number): Iterable<Buffer> {
  const u = typeof unit === "string" ? Buffer.from(unit) : unit;
  const piece = Buffer.alloc(Math.max(u.length, Math.floor((1024 * 1024) / u.length) * u.length));
  for (let i = 0; i < piece.length; i += u.length) u.copy(piece, i);
  for (let sent = 0; sent < total; sent += piece.length) yield sent + piece.length <= total ? piece : piece.subarray(0, total - sent);
}
