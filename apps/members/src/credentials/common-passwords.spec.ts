import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  it.each([
    ['password1234', 'a common word padded with digits'],
    ['Password1234!', 'the same, capitalised with a symbol'],
    ['PASSWORD2024!!', 'upper case'],
    ['!!Welcome2025', 'padding in front'],
    ['P@ssw0rd1234', 'leetspeak'],
    ['p@$$w0rd!234', 'more leetspeak'],
    ['@dmin12345678', 'a leading symbol standing for a letter'],
    ['iloveyou1234', 'a phrase with digits'],
    ['motdepasse123', 'French'],
    ['Passwort12345', 'German'],
    ['azertyuiop12', 'an AZERTY row with digits'],
    ['qwertyuiopas', 'a QWERTY run across rows'],
    ['poiuytrewq12', 'a keyboard row backwards'],
    ['1qaz2wsx3edc', 'keyboard columns'],
    ['zaq12wsxcde3', 'keyboard columns the other way'],
    ['123456789012', 'digits in order, wrapping'],
    ['098765432109', 'digits backwards'],
    ['abcdefghijklm', 'the alphabet'],
    ['123123123123', 'a short unit repeated'],
    ['abcabcabcabc', 'letters repeated'],
    ['121212121212', 'two digits repeated'],
    ['qwertyqwerty', 'a common word repeated'],
    ['passwordpassword', 'the word itself repeated'],
    ['trustno1trustno1', 'a common password repeated'],
    ['correcthorsebatterystaple', 'a famous long password'],
    ['CorrectHorseBatteryStaple', 'the same in another case'],
    ['michaeljordan', 'on the list as it is'],
    ['1234football!!', 'digits on both sides'],
    ['Skype2024!!!!', 'the product it stands in for'],
    ['roster123456', 'the product itself'],
  ])('refuses %s (%s)', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([
    'correct horse battery staple violet',
    'Tr0ub4dor&3-lamp-ocean',
    'jK8#mP2$vL9!qR4',
    'my cat eats lasagne on tuesdays',
    'password manager fan 42',
    'Sunshine-over-Lyon-2024',
    '839201746352',
    'qwertyjeanlove',
    'abcdefgh-ZyX-42-pear',
    'Jean.Dupont!Jean.Dupont!',
    'ça va très bien merci',
  ])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
