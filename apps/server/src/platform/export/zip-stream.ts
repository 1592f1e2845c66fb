import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (ZIP's checksum) of `bytes`, continuing from `crc`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS date and time of `at` (local clock, as ZIP tools show it). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  flags: number;
}

/** Bit 3: sizes and checksum follow the data; bit 11: the name is UTF-8. */
const STREAMED = 0x0808;
const UTF8_NAME = 0x0800;
/** Past 4 GiB a file would need ZIP64; an export that large is refused rather than broken. */
const ZIP32_LIMIT = 0xffffffff;

/**
 * A ZIP archive written straight to a stream (what an XLSX file is): small members at once, one
 * large member streamed through deflate with the writer waiting whenever the reader is behind.
 * Only what XLSX needs: deflate, no ZIP64, no encryption.
 */
export class ZipStream {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(
    private readonly out: Writable,
    private readonly level = 1,
  ) {}

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes) && !this.out.destroyed) await once(this.out, 'drain');
  }

  private localHeader(entry: Entry): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    const known = (entry.flags & STREAMED) !== STREAMED;
    header.writeUInt32LE(known ? entry.crc : 0, 14);
    header.writeUInt32LE(known ? entry.compressed : 0, 18);
    header.writeUInt32LE(known ? entry.size : 0, 22);
    header.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([header, entry.name]);
  }

  /** A small member, compressed in one go. */
  async add(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const compressed = deflateRawSync(data, { level: this.level });
    const entry = {
      name: Buffer.from(name, 'utf8'),
      crc: crc32(data),
      compressed: compressed.length,
      size: data.length,
      offset: this.offset,
      flags: UTF8_NAME,
    };
    this.entries.push(entry);
    await this.write(this.localHeader(entry));
    await this.write(compressed);
  }

  /** A large member written in parts: `write` each part, then `end`. */
  stream(name: string): { write(text: string): Promise<void>; end(): Promise<void> } {
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
      flags: STREAMED,
    };
    this.entries.push(entry);
    const deflate = createDeflateRaw({ level: this.level });
    const header = this.localHeader(entry);
    this.offset += header.length;
    this.out.write(header);
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        this.out.once('drain', () => deflate.resume());
      }
    });
    const ended = once(deflate, 'end');
    return {
      write: async (text) => {
        const data = Buffer.from(text, 'utf8');
        entry.crc = crc32(data, entry.crc);
        entry.size += data.length;
        if (entry.size > ZIP32_LIMIT) throw new Error('export too large for one XLSX file');
        if (!deflate.write(data) && !this.out.destroyed) await once(deflate, 'drain');
      },
      end: async () => {
        deflate.end();
        await ended;
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(entry.crc, 4);
        descriptor.writeUInt32LE(entry.compressed, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await this.write(descriptor);
      },
    };
  }

  /** Writes the central directory and ends the output stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(entry.flags, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([record, entry.name]));
    }
    if (this.offset > ZIP32_LIMIT) throw new Error('export too large for one XLSX file');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    if (!this.out.writableFinished) await once(this.out, 'finish');
  }
}
