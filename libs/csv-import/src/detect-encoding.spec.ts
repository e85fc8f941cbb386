import iconv from 'iconv-lite';
import { detectEncoding, type EncodingDetection } from './detect-encoding';

const bytes = (...values: number[]) => Buffer.from(values);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('detectEncoding', () => {
  it.each<[string, Buffer, EncodingDetection]>([
    ['UTF-8 with BOM', Buffer.concat([bytes(0xef, 0xbb, 0xbf), utf8('Email;Prénom\r\n')]), { isText: true, encoding: 'utf-8' }],
    ['UTF-16 LE with BOM', iconv.encode('Email\tPrénom\r\n', 'utf-16le', { addBOM: true }), { isText: true, encoding: 'utf-16le' }],
    ['UTF-16 BE with BOM', iconv.encode('Email;Prénom\n', 'utf-16be', { addBOM: true }), { isText: true, encoding: 'utf-16be' }],
    ['UTF-8 without BOM', utf8('email,first name\nzoe@example.com,Zoë\n'), { isText: true, encoding: 'utf-8' }],
    ['plain ASCII', utf8('email\nada@example.com\n'), { isText: true, encoding: 'utf-8' }],
    ['empty sample', Buffer.alloc(0), { isText: true, encoding: 'utf-8' }],
    [
      'Windows-1252 French Excel export',
      iconv.encode("Adresse e-mail;Prénom\r\nhelene@example.fr;Hélène\r\n", 'windows-1252'),
      { isText: true, encoding: 'windows-1252' },
    ],
    ['Windows-1252 curly apostrophe', iconv.encode('N’Diaye', 'windows-1252'), { isText: true, encoding: 'windows-1252' }],
    ['PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), { isText: false, content: 'png_image' }],
    ['ZIP archive (and .xlsx)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), { isText: false, content: 'zip_archive' }],
    ['empty ZIP archive', bytes(0x50, 0x4b, 0x05, 0x06, 0, 0), { isText: false, content: 'zip_archive' }],
    ['.xls workbook', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0), { isText: false, content: 'legacy_excel_workbook' }],
    ['PDF document', utf8('%PDF-1.7\n%âãÏÓ\n'), { isText: false, content: 'pdf_document' }],
    ['GZIP archive', bytes(0x1f, 0x8b, 0x08, 0), { isText: false, content: 'gzip_archive' }],
    ['NUL bytes without a UTF-16 BOM', utf8('e\u0000m\u0000a\u0000i\u0000l\u0000'), { isText: false, content: 'binary_data' }],
    ['mostly control characters', bytes(0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x05, 0x06), { isText: false, content: 'binary_data' }],
    ['undefined Windows-1252 bytes', bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x41), { isText: false, content: 'binary_data' }],
    ['one vertical tab among text', utf8('email;notes\nada@example.com;line\u000bbreak\n'), { isText: true, encoding: 'utf-8' }],
  ])('%s', (_, sample, expected) => {
    expect(detectEncoding(sample)).toEqual(expected);
  });

  describe('a sample cut inside a multibyte UTF-8 character', () => {
    const text = utf8('prenom\nHélène\nGaël\n€');
    const cuts: Array<[string, number]> = [
      ['after the first byte of é', text.indexOf(utf8('é')) + 1],
      ['after the first byte of ë', text.indexOf(utf8('ë')) + 1],
      ['after the first byte of €', text.length - 2],
      ['after the second byte of €', text.length - 1],
    ];

    it.each(cuts)('stays UTF-8 when cut %s', (_, end) => {
      expect(detectEncoding(text.subarray(0, end))).toEqual({ isText: true, encoding: 'utf-8' });
    });

    it('is Windows-1252 when that cut is the end of the whole file', () => {
      expect(detectEncoding(text.subarray(0, text.length - 1), { isWholeFile: true })).toEqual({
        isText: true,
        encoding: 'windows-1252',
      });
    });
  });

  it('does not take a Windows-1252 é followed by ASCII for a cut UTF-8 character', () => {
    expect(detectEncoding(iconv.encode('Hélène;x', 'windows-1252'))).toEqual({ isText: true, encoding: 'windows-1252' });
  });
});
