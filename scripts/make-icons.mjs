// Writes the add-in's icons (assets/icon-16.png … icon-80.png) with Node's zlib only: a green square with a
// white check mark, drawn at each size so that it stays crisp. Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const u = x / size, v = y / size;
    const r = 0.18;
    const inRound = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
    const corner = (u < r && v < r && !inRound(r, r)) || (u > 1 - r && v < r && !inRound(1 - r, r)) || (u < r && v > 1 - r && !inRound(r, 1 - r)) || (u > 1 - r && v > 1 - r && !inRound(1 - r, 1 - r));
    if (corner) return [0, 0, 0, 0];
    // check mark: two thick segments
    const seg = (x1, y1, x2, y2) => {
      const dx = x2 - x1, dy = y2 - y1;
      const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(u - (x1 + t * dx), v - (y1 + t * dy));
    };
    const d = Math.min(seg(0.22, 0.52, 0.42, 0.72), seg(0.42, 0.72, 0.78, 0.3));
    if (d < 0.075) return [255, 255, 255, 255];
    return [16, 124, 65, 255];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = px(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

for (const s of [16, 32, 64, 80, 128]) writeFileSync(new URL(`../assets/icon-${s}.png`, import.meta.url), icon(s));
console.log("icons written: assets/icon-{16,32,64,80,128}.png");
