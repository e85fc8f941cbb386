import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { SharedStrings } from './shared-strings';
import { ZipArchive } from './zip-archive';

async function packageWith(sharedStrings: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(sharedStrings), 'xl/sharedStrings.xml');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('SharedStrings', () => {
  let directory: string;
  let archive: ZipArchive | undefined;
  const open = async (xml: string, memoryCharacters?: number) => {
    const path = join(directory, 'book.xlsx');
    await writeFile(path, await packageWith(xml));
    archive = await ZipArchive.open(path);
    return SharedStrings.open(archive, 'xl/sharedStrings.xml', memoryCharacters === undefined ? {} : { memoryCharacters });
  };
  const spillFiles = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('roster-shared-strings-')).length;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'shared-strings-'));
  });
  afterEach(() => archive?.close());
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('joins rich text runs, leaves phonetic guides out and decodes _xHHHH_ escapes', async () => {
    const strings = await open(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<si><t>Email</t></si>' +
        '<si><r><rPr><b/></rPr><t>Adè</t></r><r><t xml:space="preserve">le </t></r><r><t>Vance</t></r></si>' +
        '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si>' +
        '<si><t>line_x000D_break</t></si>' +
        '</sst>',
    );
    await strings.readUpTo(10);
    expect([0, 1, 2, 3, 4].map((index) => strings.get(index))).toEqual(['Email', 'Adèle Vance', '山田', 'line\rbreak', '']);
    strings.dispose();
  });

  it('reads the part only as far as asked', async () => {
    const items = Array.from({ length: 50_000 }, (_, index) => `<si><t>person.${index}@contoso.com</t></si>`).join('');
    const strings = await open(`<sst>${items}</sst>`);
    await strings.readUpTo(0);
    expect(strings.count).toBeLessThan(50_000);
    expect(strings.get(0)).toBe('person.0@contoso.com');
    strings.dispose();
  });

  it('keeps strings past its memory budget in a temporary file, removed once done', async () => {
    const before = await spillFiles();
    const items = Array.from({ length: 5_000 }, (_, index) => `<si><t>person.${index}@contoso.com — Zoë</t></si>`).join('');
    const strings = await open(`<sst>${items}</sst>`, 1_000);
    await strings.readUpTo(4_999);
    expect(await spillFiles()).toBe(before + 1);
    for (const index of [0, 10, 37, 38, 1_234, 4_999, 2_500, 37]) expect(strings.get(index)).toBe(`person.${index}@contoso.com — Zoë`);
    expect(strings.get(5_000)).toBe('');
    strings.dispose();
    expect(await spillFiles()).toBe(before);
  });
});
