import JSZip from "jszip";
import { LimitError } from "../limits";

/**
 * A zip opened for reading with every part's size bounded by what decompression really yields (a zip entry's
 * declared size is only a claim: a bomb declares little and inflates to gigabytes).
 */
export async function openZip(data: Uint8Array): Promise<JSZip | null> {
  try {
    return await JSZip.loadAsync(data);
  } catch {
    return null;
  }
}

export function partNames(zip: JSZip): string[] {
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}

/**
 * Decompress one part, stopping as soon as it passes `max` bytes (then a LimitError with `tooBig`'s message).
 * Returns the bytes, or only their count when `keep` is false.
 */
export function readPartBounded(zip: JSZip, name: string, max: number, tooBig: () => string, keep = true): Promise<{ bytes: Uint8Array | null; size: number }> {
  const file = zip.file(name);
  if (!file) return Promise.resolve({ bytes: keep ? new Uint8Array(0) : null, size: 0 });
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(t: "uint8array"): StreamHelper }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        if (size > max) {
          done = true;
          stream.pause();
          reject(new LimitError(tooBig()));
          return;
        }
        if (keep) chunks.push(chunk);
      })
      .on("error", (e: Error) => {
        if (done) return;
        done = true;
        reject(e);
      })
      .on("end", () => {
        if (done) return;
        done = true;
        if (!keep) return resolve({ bytes: null, size });
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve({ bytes: out, size });
      })
      .resume();
  });
}

interface StreamHelper {
  on(event: "data", f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", f: (e: Error) => void): StreamHelper;
  on(event: "end", f: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

const utf8 = new TextDecoder("utf-8");
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Decode the five XML entities and numeric references (sheet names, shared strings). */
export function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    switch (e.toLowerCase()) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : m;
      }
    }
  });
}

/** Posix-style join of a part's folder and a relationship target (`../comments1.xml`, `/xl/x.xml`). */
export function resolvePart(baseDir: string, target: string): string {
  const t = target.split("#")[0]!;
  const parts = (t.startsWith("/") ? t.slice(1) : `${baseDir}/${t}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}
