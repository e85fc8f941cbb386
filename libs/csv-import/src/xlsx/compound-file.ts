import { open, type FileHandle } from 'node:fs/promises';

export const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
// A directory of a few thousand entries is already far more than any Office file holds.
const MAX_DIRECTORY_SECTORS = 1024;

/**
 * The names of the streams and storages of an OLE compound file ([MS-CFB]): an Excel 97-2003
 * workbook holds a `Workbook` stream, and an .xlsx encrypted with a password is an
 * `EncryptionInfo` and an `EncryptedPackage` in such a file. Empty when the file is damaged.
 */
export async function compoundFileEntryNames(path: string): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    return await entryNames(file);
  } catch {
    return [];
  } finally {
    await file.close();
  }
}

async function entryNames(file: FileHandle): Promise<string[]> {
  const header = await read(file, 0, 512);
  if (!header.subarray(0, 8).equals(COMPOUND_FILE_SIGNATURE)) return [];
  const sectorSize = 1 << header.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorAt = (sector: number) => read(file, (sector + 1) * sectorSize, sectorSize);

  const fatSectors = await fatSectorsOf(header, sectorSize, sectorAt);
  const nextSector = async (sector: number) => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return END_OF_CHAIN;
    return (await sectorAt(fatSector)).readUInt32LE((sector % perSector) * 4);
  };

  const names: string[] = [];
  let sector = header.readUInt32LE(0x30);
  for (let read = 0; sector !== END_OF_CHAIN && read < MAX_DIRECTORY_SECTORS; read++) {
    const entries = await sectorAt(sector);
    for (let offset = 0; offset < sectorSize; offset += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = entries.readUInt16LE(offset + 0x40);
      if (nameBytes >= 2 && nameBytes <= 64) names.push(entries.toString('utf16le', offset, offset + nameBytes - 2));
    }
    sector = await nextSector(sector);
  }
  return names;
}

/** The sectors holding the file allocation table: 109 listed in the header, the rest in a chain of DIFAT sectors. */
async function fatSectorsOf(header: Buffer, sectorSize: number, sectorAt: (sector: number) => Promise<Buffer>): Promise<number[]> {
  const count = header.readUInt32LE(0x2c);
  const sectors: number[] = [];
  for (let index = 0; index < Math.min(count, HEADER_DIFAT_ENTRIES); index++) sectors.push(header.readUInt32LE(0x4c + index * 4));
  let difat = header.readUInt32LE(0x44);
  for (let hops = 0; sectors.length < count && difat !== END_OF_CHAIN && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const entries = await sectorAt(difat);
    const perSector = sectorSize / 4 - 1;
    for (let index = 0; index < perSector && sectors.length < count; index++) sectors.push(entries.readUInt32LE(index * 4));
    difat = entries.readUInt32LE(perSector * 4);
  }
  return sectors;
}

async function read(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead < length) throw new Error('the compound file ends early');
  return buffer;
}
