import { splitDisplayName, type SplitName } from './display-name';

describe('splitDisplayName', () => {
  it.each<[string, SplitName]>([
    ['Adèle Vance', { firstName: 'Adèle', lastName: 'Vance' }],
    ['Vance, Adèle', { firstName: 'Adèle', lastName: 'Vance' }],
    ['  Vance ,  Adèle ', { firstName: 'Adèle', lastName: 'Vance' }],
    ['VANCE Adèle', { firstName: 'Adèle', lastName: 'VANCE' }],
    ['Adèle VANCE', { firstName: 'Adèle', lastName: 'VANCE' }],
    ['LE GOFF Gaël', { firstName: 'Gaël', lastName: 'LE GOFF' }],
    ['ADELE VANCE', { firstName: 'ADELE', lastName: 'VANCE' }],
    ['Jean de la Fontaine', { firstName: 'Jean', lastName: 'de la Fontaine' }],
    ['Ludwig van Beethoven', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['Mary Ann Smith', { firstName: 'Mary Ann', lastName: 'Smith' }],
    ['J. R. R. Tolkien', { firstName: 'J. R. R.', lastName: 'Tolkien' }],
    ['Adèle Vance (Contractor)', { firstName: 'Adèle', lastName: 'Vance' }],
    ['Adèle', { firstName: 'Adèle' }],
    ['Vance,', { lastName: 'Vance' }],
    ['', {}],
    ['(Shared mailbox)', {}],
  ])('%j', (displayName, expected) => {
    expect(splitDisplayName(displayName)).toEqual(expected);
  });
});
