/*
 * What attackers try first: words and names at the top of breached-password lists (which people
 * stretch to twelve characters with digits and symbols: Password1234!, Welcome2024!!), keyboard
 * and digit runs, and a few long passwords that are common as they are.
 */

const COMMON_WORDS = new Set([
  // The classics, in roughly the order breach lists rank them.
  'password', 'passwort', 'passwd', 'pass', 'qwerty', 'azerty', 'qwertz', 'letmein', 'welcome', 'iloveyou',
  'admin', 'administrator', 'root', 'login', 'abc', 'abcd', 'abcdef', 'monkey', 'dragon', 'master', 'shadow',
  'sunshine', 'princess', 'football', 'baseball', 'soccer', 'hockey', 'basketball', 'superman', 'batman',
  'spiderman', 'starwars', 'pokemon', 'minecraft', 'naruto', 'trustno1', 'whatever', 'freedom', 'secret',
  'changeme', 'default', 'guest', 'hello', 'hellothere', 'helloworld', 'loveme', 'lovely', 'love', 'iloveu',
  'mustang', 'access', 'flower', 'cheese', 'chocolate', 'cookie', 'banana', 'orange', 'purple', 'silver',
  'golden', 'diamond', 'summer', 'winter', 'spring', 'autumn', 'monday', 'friday', 'sunday', 'january',
  'december', 'computer', 'internet', 'killer', 'hunter', 'ranger', 'buster', 'harley', 'tigger', 'ginger',
  'pepper', 'charlie', 'jordan', 'michael', 'jennifer', 'jessica', 'michelle', 'ashley', 'daniel', 'andrew',
  'thomas', 'robert', 'george', 'william', 'joshua', 'matthew', 'anthony', 'nicole', 'hannah', 'amanda',
  'samantha', 'maggie', 'bailey', 'buddy', 'lucky', 'angel', 'angels', 'babygirl', 'baby', 'sweety',
  'sweetheart', 'butterfly', 'rainbow', 'liverpool', 'chelsea', 'arsenal', 'barcelona', 'realmadrid',
  'juventus', 'yankees', 'cowboys', 'eagles', 'lakers', 'qazwsx', 'zaq1zaq1', 'zxcvbnm', 'asdfgh', 'trustme',
  'letmeinnow', 'opensesame', 'mypassword', 'mypass', 'newpassword', 'yourpassword', 'thepassword',
  'passpass', 'test', 'testing', 'tester', 'demo', 'sample', 'temp', 'temporary', 'system', 'server',
  'database', 'oracle', 'mysql', 'postgres', 'security', 'secure', 'private', 'office', 'company', 'business',
  'corporate', 'manager', 'support', 'service', 'account', 'accounts', 'user', 'username', 'member', 'members',
  'student', 'teacher', 'school', 'college', 'family', 'friends', 'forever', 'together', 'jesus', 'jesuschrist',
  'god', 'christ', 'blessed', 'heaven', 'matrix', 'phoenix', 'thunder', 'tiger', 'lion', 'eagle', 'falcon',
  'ferrari', 'porsche', 'mercedes', 'corvette', 'samsung', 'apple', 'google', 'facebook', 'linkedin',
  'twitter', 'instagram', 'youtube', 'microsoft', 'windows', 'skype', 'roster', 'blink182', 'metallica',
  'nirvana', 'beatles', 'fuckyou', 'fuckoff', 'asshole', 'bitch', 'sexy', 'pussy', 'qwerty123', 'abc123',
  'a1b2c3', 'aa123456', 'iloveyou2', 'letmein1', 'p4ssword', 'passw0rd',
  // French, German, Spanish, Italian, Portuguese, Dutch favourites.
  'motdepasse', 'soleil', 'bonjour', 'doudou', 'loulou', 'chouchou', 'nicolas', 'marseille', 'paris',
  'jetaime', 'azertyuiop', 'coucou', 'chocolat', 'camille', 'princesse', 'hallo', 'schatz', 'geheim',
  'fussball', 'schalke', 'dortmund', 'bayern', 'berlin', 'deutschland', 'sommer', 'contrasena', 'teamo',
  'amor', 'amormio', 'tequiero', 'futbol', 'madrid', 'espana', 'mexico', 'ciao', 'amore', 'napoli',
  'juve', 'roma', 'milano', 'senha', 'brasil', 'flamengo', 'corinthians', 'wachtwoord', 'welkom', 'ajax',
]);

const COMMON_PASSWORDS = new Set([
  'correcthorsebatterystaple', 'iloveyoubaby', 'iloveyoutoo', 'iloveyoumore', 'iloveyouforever',
  'iloveyousomuch', 'iloveyoumom', 'letmeinplease', 'pleaseletmein', 'thequickbrownfox',
  'thequickbrownfoxjumpsoverthelazydog', 'michaeljordan', 'jordan23jordan23', 'mynameisjeff',
  'whatsmypassword', 'idontknowmypassword', 'forgotmypassword', 'ihateyou1234', 'fuckyoubitch',
  'loveyouforever', 'babygirl1234', 'sweetheart12', 'princess12345', 'supersecretpassword',
  'verysecurepassword', 'strongpassword', 'securepassword', 'passwordsecure', 'mysecretpassword',
  'changemenow123', 'changeme123456', 'welcometothejungle', 'welcomehome123', 'happybirthday',
  'merrychristmas', 'christmas2024', 'christmas2025', 'happynewyear2025', 'goodmorning123',
  'administrator1', 'administrator123', 'adminadmin123', 'rootpassword', 'default12345',
  'p@ssw0rd1234', 'p@$$w0rd1234', 'passw0rd!234', 'pa$$word1234', 'p4ssw0rd1234', 'passwordpassword1',
  'password1password', 'qwerty123qwerty', 'qwertyuiop[]', 'qwertyuiop[]\\', 'q1w2e3r4t5y6u7i8',
  '1q2w3e4r5t6y7u8i', '1qazxsw23edc', '1qaz@wsx#edc', '1qaz!qaz1qaz', 'zaq12wsxcde3', 'zaq!2wsx#edc',
  '!qaz@wsx#edc', 'qaz123wsx456', 'q1w2e3r4q1w2e3r4', 'asdf1234asdf', 'asdfasdfasdf1',
  'zxcvbnm,./', 'zxcvbnm123456', '1234qwerasdfzxcv', 'qwerasdfzxcv', 'qweasdzxc123', '123qweasdzxc',
  'abc123abc123', 'abcd1234abcd', 'abcdefg12345', 'abcdefgh1234', '12345678abcd', '1234567890ab',
  'a1b2c3d4e5f6', 'a1s2d3f4g5h6', '1a2b3c4d5e6f', 'aa11bb22cc33', '11223344556677', '112233445566',
  '123456abcdef', '123456qwerty', '123456789abc', '123456789qwe', '123123qweqwe', '147258369012',
  '159753159753', '147852369012', '741852963012', '789456123012', '123698745012', '0147258369',
  'motdepasse123', 'motdepasse1234', 'jetaimemonamour', 'azertyuiop123', 'azertyqwerty',
]);

// Keyboard rows and columns (QWERTY, AZERTY, QWERTZ) and the alphabet, each also searched backwards.
const RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789'.repeat(4),
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertzuiopasdfghjklyxcvbnm',
  '1234567890qwertyuiop',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'a1b2c3d4e5f6g7h8i9j0',
  'qweasdzxc',
  '!@#$%^&*()_+',
].flatMap((run) => [run, [...run].reverse().join('')]);

const MIN_RUN = 4;

// Symbols and digits people put in place of letters: p@ssw0rd, $ecret, l3tm31n.
const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '+': 't' };
const SYMBOL_LEET = /[@!$+]/g;

/** Whether `password` is, or is a thin disguise of, something attackers try first. Case-insensitive. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isGuessable(lower)) return true;
  const cores = [strip(lower), strip(lower.replace(SYMBOL_LEET, (char) => LEET[char]))];
  return cores.some((core) => core !== '' && (isGuessable(core) || isGuessable(unleet(core))));
}

function isGuessable(text: string): boolean {
  return COMMON_WORDS.has(text) || isRun(text) || isRepetition(text);
}

function isRun(text: string): boolean {
  return text.length >= MIN_RUN && RUNS.some((run) => run.includes(text));
}

// A short unit or a common word over and over: 123123123123, abcabcabcabc, qwertyqwerty.
function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit++) {
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text) {
      return unit <= MIN_RUN || isGuessable(text.slice(0, unit));
    }
  }
  return false;
}

// The word once the digits and symbols stretching it to length are gone: Password1234! → password.
function strip(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function unleet(text: string): string {
  return text.replace(/[@4310!$57+]/g, (char) => LEET[char]);
}
