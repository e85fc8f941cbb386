import { Readable } from 'node:stream';
import { readTypedEmails, typedEmailsUpload } from './typed-email-upload';

describe('a long typed list, stored for the import workers', () => {
  it.each<string | string[]>(['Jane Doe <jane@x.example>, bob@x.example', ['a@x.example', 'Élodie <e@x.example>']])('reads back %j as typed', async (typed) => {
    expect(await readTypedEmails(typedEmailsUpload(typed))).toEqual(typed);
  });

  it('refuses what it did not store', async () => {
    await expect(readTypedEmails(Readable.from(['{"emails": 1}']))).rejects.toThrow('not a string or a list of strings');
  });
});
