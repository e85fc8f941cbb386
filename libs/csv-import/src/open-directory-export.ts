import { open } from 'node:fs/promises';
import { encryptedWorkbookError, legacyWorkbookError } from './csv-import.error';
import { openDirectoryCsv } from './directory-csv-reader';
import type { DirectoryExport } from './directory-export';
import { COMPOUND_FILE_SIGNATURE, compoundFileEntryNames } from './xlsx/compound-file';
import { openDirectoryWorkbook } from './xlsx/directory-workbook-reader';

const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];

/**
 * Recognises an uploaded directory export, whatever its name says, from its content: an Excel
 * workbook (.xlsx, a ZIP package), an old or encrypted Office file (refused), or CSV text. Throws
 * CsvImportError, with a code and a message for the admin, when the file cannot be a member list.
 */
export async function openDirectoryExport(filePath: string): Promise<DirectoryExport> {
  const opening = await firstBytes(filePath, 8);
  if (ZIP_SIGNATURES.some((signature) => opening.subarray(0, 4).equals(signature))) return openDirectoryWorkbook(filePath);
  if (opening.equals(COMPOUND_FILE_SIGNATURE)) {
    const names = await compoundFileEntryNames(filePath);
    throw names.includes('EncryptedPackage') || names.includes('EncryptionInfo') ? encryptedWorkbookError() : legacyWorkbookError();
  }
  return openDirectoryCsv(filePath);
}

async function firstBytes(filePath: string, count: number): Promise<Buffer> {
  const file = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await file.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
