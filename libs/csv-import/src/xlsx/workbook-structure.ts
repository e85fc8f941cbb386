import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import { damagedWorkbookError, macroWorkbookError, notAWorkbookError } from '../csv-import.error';
import type { ZipArchive } from './zip-archive';

export interface WorksheetPart {
  readonly name: string;
  /** The part's path inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly hidden: boolean;
}

export interface WorkbookStructure {
  /** In the order of the workbook's tabs; chart sheets are left out. */
  readonly worksheets: WorksheetPart[];
  readonly sharedStrings?: string;
}

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * Where a workbook keeps its worksheets and shared strings, from its content types and
 * relationships (ECMA-376 Open Packaging Conventions). A package with macros, a binary workbook
 * (.xlsb), an OpenDocument spreadsheet or any other ZIP archive is refused.
 */
export async function readWorkbookStructure(archive: ZipArchive): Promise<WorkbookStructure> {
  const contentTypes = await archive.text('[Content_Types].xml');
  if (contentTypes === undefined) {
    if ((await archive.text('mimetype'))?.includes('opendocument.spreadsheet')) throw notAWorkbookError('opendocument_spreadsheet');
    throw notAWorkbookError('zip_archive');
  }
  // An .xlsm (and a macro-enabled template or add-in) declares its workbook macro-enabled; VBA lives in vbaProject.bin.
  if (/macroEnabled/i.test(contentTypes) || archive.has('xl/vbaProject.bin')) throw macroWorkbookError();

  const packageRelationships = elements(await archive.text('_rels/.rels'), 'Relationship');
  const document = packageRelationships.find((relationship) => relationship.attributes.Type?.endsWith('/officeDocument'));
  if (!document) throw notAWorkbookError('zip_archive');
  const workbookPart = resolvePart('', document.attributes.Target ?? '');
  if (workbookPart.endsWith('.bin')) throw notAWorkbookError('binary_workbook');
  const workbook = await archive.text(workbookPart);
  if (workbook === undefined) throw damagedWorkbookError();

  const relationshipsPart = posix.join(posix.dirname(workbookPart), '_rels', `${posix.basename(workbookPart)}.rels`);
  const relationships = elements(await archive.text(relationshipsPart), 'Relationship').filter((relationship) => relationship.attributes.TargetMode !== 'External');
  const targetOf = new Map(relationships.map((relationship) => [relationship.attributes.Id, relationship]));
  const base = posix.dirname(workbookPart);

  const worksheets = elements(workbook, 'sheet').flatMap((sheet): WorksheetPart[] => {
    const relationship = targetOf.get(sheet.attributes.id);
    if (!relationship?.attributes.Type?.endsWith('/worksheet')) return [];
    return [{ name: sheet.attributes.name ?? '', part: resolvePart(base, relationship.attributes.Target ?? ''), hidden: (sheet.attributes.state ?? 'visible') !== 'visible' }];
  });
  const sharedStrings = relationships.find((relationship) => relationship.attributes.Type?.endsWith('/sharedStrings'));
  return { worksheets, ...(sharedStrings ? { sharedStrings: resolvePart(base, sharedStrings.attributes.Target ?? '') } : {}) };
}

/** A relationship's target as a part name: relative to the source's folder, or absolute from the package root. */
function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(base, target);
  return posix.normalize(path).replace(/^(\.\.\/)+/, '');
}

/** The elements of a small XML part with this local name, attributes without namespace prefixes. */
function elements(xml: string | undefined, name: string): XmlElement[] {
  if (xml === undefined) return [];
  const found: XmlElement[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => {
    if (localName(tag.name) !== name) return;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes as Record<string, string>)) attributes[localName(key)] = value;
    found.push({ name, attributes });
  });
  try {
    parser.write(xml).close();
  } catch {
    throw damagedWorkbookError();
  }
  return found;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
