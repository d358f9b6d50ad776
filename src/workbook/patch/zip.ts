import JSZip from "jszip";
import { crc32, deflateRawSync, inflateRawSync } from "zlib";

/** The entries of a zip, read and rewritten: unchanged entries are copied as they are (compressed bytes, header, date). */
export interface Archive {
  names(): string[];
  read(name: string): Promise<Uint8Array>;
  write(name: string, data: Uint8Array): void;
  remove(name: string): void;
  build(): Promise<Uint8Array>;
}

/** Fast deflate for the few parts written again (they are a few kilobytes; level 1 is several times faster than 6). */
const DEFLATE_LEVEL = 1;

/** Largest part inflated while patching (the reader has already refused bigger ones). */
const MAX_PART = 256 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  csize: number;
  usize: number;
  /** The local header, data and data descriptor, as they are in the file. */
  start: number;
  dataStart: number;
  end: number;
  /** The central directory record, as it is. */
  central: Uint8Array;
}

/**
 * A zip read straight from its central directory, with Node's zlib: an unchanged entry is copied byte for
 * byte (local header, compressed data, descriptor; its central record with the new offset); a changed or new
 * entry is deflated again. Zip64, encrypted and multi-disk archives are refused (JSZip then does the work).
 */
export class RawZip implements Archive {
  private entries: Entry[] = [];
  private byName = new Map<string, Entry>();
  private changed = new Map<string, Uint8Array | null>();
  private comment: Uint8Array;

  constructor(private data: Uint8Array) {
    const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let eocd = -1;
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
      if (v.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error("zip: no end of central directory");
    if (v.getUint16(eocd + 4, true) !== 0 || v.getUint16(eocd + 6, true) !== 0) throw new Error("zip: multi-disk");
    const count = v.getUint16(eocd + 10, true);
    const cdSize = v.getUint32(eocd + 12, true);
    const cdOffset = v.getUint32(eocd + 16, true);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Error("zip: zip64");
    if (eocd >= 20 && v.getUint32(eocd - 20, true) === 0x07064b50) throw new Error("zip: zip64");
    this.comment = data.subarray(eocd + 22, eocd + 22 + v.getUint16(eocd + 20, true));
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (v.getUint32(p, true) !== 0x02014b50) throw new Error("zip: bad central directory");
      const flags = v.getUint16(p + 8, true);
      const method = v.getUint16(p + 10, true);
      const csize = v.getUint32(p + 20, true);
      const usize = v.getUint32(p + 24, true);
      const nlen = v.getUint16(p + 28, true);
      const xlen = v.getUint16(p + 30, true);
      const clen = v.getUint16(p + 32, true);
      const local = v.getUint32(p + 42, true);
      if (flags & 1) throw new Error("zip: encrypted");
      if (method !== 0 && method !== 8) throw new Error(`zip: compression method ${method}`);
      if (csize === 0xffffffff || usize === 0xffffffff || local === 0xffffffff) throw new Error("zip: zip64");
      const nameBytes = data.subarray(p + 46, p + 46 + nlen);
      const name = Buffer.from(nameBytes.buffer, nameBytes.byteOffset, nameBytes.byteLength).toString(flags & 0x800 ? "utf8" : "latin1");
      if (v.getUint32(local, true) !== 0x04034b50) throw new Error("zip: bad local header");
      const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
      let end = dataStart + csize;
      if (flags & 8) end += end + 4 <= data.length && v.getUint32(end, true) === 0x08074b50 ? 16 : 12;
      if (end > data.length) throw new Error("zip: entry past the end");
      const e: Entry = { name, method, csize, usize, start: local, dataStart, end, central: data.subarray(p, p + 46 + nlen + xlen + clen) };
      this.entries.push(e);
      this.byName.set(name, e);
      p += 46 + nlen + xlen + clen;
    }
  }

  names(): string[] {
    const out = this.entries.map((e) => e.name).filter((n) => this.changed.get(n) !== null);
    for (const [n, d] of this.changed) if (d && !this.byName.has(n)) out.push(n);
    return out;
  }

  async read(name: string): Promise<Uint8Array> {
    const c = this.changed.get(name);
    if (c) return c;
    const e = this.byName.get(name);
    if (!e || c === null) throw new Error(`zip: no part ${name}`);
    const raw = this.data.subarray(e.dataStart, e.dataStart + e.csize);
    if (e.method === 0) return raw;
    return inflateRawSync(raw, { maxOutputLength: MAX_PART });
  }

  write(name: string, data: Uint8Array): void {
    this.changed.set(name, data);
  }

  remove(name: string): void {
    this.changed.set(name, null);
  }

  async build(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let at = 0;
    const push = (b: Uint8Array) => {
      chunks.push(b);
      at += b.length;
    };
    const fresh = (name: string, data: Uint8Array, stored: boolean) => {
      const nameBytes = Buffer.from(name, "utf8");
      const body = stored ? data : deflateRawSync(data, { level: DEFLATE_LEVEL });
      const crc = crc32(data) >>> 0;
      const { time, date } = dosNow();
      const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(stored ? 0 : 8, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      const offset = at;
      push(local);
      push(nameBytes);
      push(body);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(flags, 8);
      cd.writeUInt16LE(stored ? 0 : 8, 10);
      cd.writeUInt16LE(time, 12);
      cd.writeUInt16LE(date, 14);
      cd.writeUInt32LE(crc, 16);
      cd.writeUInt32LE(body.length, 20);
      cd.writeUInt32LE(data.length, 24);
      cd.writeUInt16LE(nameBytes.length, 28);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, nameBytes);
    };
    for (const e of this.entries) {
      const c = this.changed.get(e.name);
      if (c === null) continue;
      if (c) {
        fresh(e.name, c, e.method === 0);
        continue;
      }
      const offset = at;
      push(this.data.subarray(e.start, e.end));
      const cd = Buffer.from(e.central);
      cd.writeUInt32LE(offset, 42);
      central.push(cd);
    }
    for (const [n, d] of this.changed) if (d && !this.byName.has(n)) fresh(n, d, false);
    const cdOffset = at;
    let cdSize = 0;
    for (const c of central) {
      push(c);
      cdSize += c.length;
    }
    const count = this.names().length;
    if (count > 0xfffe || at > 0xfffffff0) throw new Error("zip: too large for a plain zip");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdOffset, 16);
    end.writeUInt16LE(this.comment.length, 20);
    push(end);
    push(this.comment);
    return Buffer.concat(chunks);
  }
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

/** The same through JSZip, for archives RawZip refuses (zip64 and other rarities). */
export class JsZipArchive implements Archive {
  private constructor(private zip: JSZip) {}
  static async open(data: Uint8Array): Promise<JsZipArchive> {
    return new JsZipArchive(await JSZip.loadAsync(data));
  }
  names(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }
  read(name: string): Promise<Uint8Array> {
    const f = this.zip.file(name);
    if (!f) throw new Error(`zip: no part ${name}`);
    return f.async("uint8array");
  }
  write(name: string, data: Uint8Array): void {
    this.zip.file(name, data, { createFolders: false });
  }
  remove(name: string): void {
    this.zip.remove(name);
  }
  build(): Promise<Uint8Array> {
    // Entries stored uncompressed stay so; the others keep their compressed bytes (JSZip copies them).
    for (const f of Object.values(this.zip.files)) {
      const data = (f as unknown as { _data?: { compression?: { magic?: string } } })._data;
      if (data?.compression?.magic === "\x00\x00") (f as unknown as { options: { compression: string } }).options.compression = "STORE";
    }
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}

/** The fast archive when it can read the file, JSZip otherwise. */
export async function openArchive(data: Uint8Array): Promise<Archive> {
  try {
    return new RawZip(data);
  } catch {
    return JsZipArchive.open(data);
  }
}
