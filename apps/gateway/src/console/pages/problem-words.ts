import { ErrorCode, type Locale, type RowProblem } from '@app/contracts';

/**
 * The members service words its problems in English, with the row's own values; in French the
 * console says the same by code (without those values, which the row shows next to it).
 */
const FRENCH: Partial<Record<string, string>> = {
  [ErrorCode.InvalidEmail]: 'L’adresse e-mail est manquante ou invalide.',
  [ErrorCode.DuplicateInBatch]: 'Cette adresse e-mail figure déjà sur une autre ligne.',
  [ErrorCode.AlreadyMember]: 'Cette personne est déjà membre de l’organisation.',
  [ErrorCode.EmailInUse]: 'Cette adresse est déjà utilisée par un compte professionnel d’une autre organisation.',
  [ErrorCode.InvalidAccountName]:
    'Ce nom de compte n’est pas valable : 6 à 32 caractères, lettres minuscules a-z, chiffres, « . », « _ » ou « - », commençant par une lettre, et pas un nom réservé.',
  [ErrorCode.AccountNameTaken]: 'Ce nom de compte est déjà pris ; choisissez une des suggestions.',
  [ErrorCode.AccountNameReplaced]: 'Le nom demandé a été pris entre-temps ; le compte a été créé avec un autre nom.',
  [ErrorCode.WeakPassword]: 'Ce mot de passe est trop faible : au moins 12 caractères, pas un mot de passe courant, sans le nom de compte.',
  [ErrorCode.CreationFailed]: 'Le compte n’a pas pu être créé.',
  [ErrorCode.ValidationFailed]: 'Cette valeur n’est pas acceptée.',
  [ErrorCode.FileTooLarge]: 'Le fichier dépasse la taille acceptée par ce serveur ; découpez-le en plusieurs fichiers.',
  [ErrorCode.UnreadableFile]: 'Ce fichier ne peut pas être lu comme un fichier CSV.',
  [ErrorCode.MissingEmailColumn]: 'Aucune colonne d’adresse e-mail n’a été trouvée dans l’en-tête du fichier.',
  [ErrorCode.EmptyFile]: 'Le fichier ne contient aucune ligne.',
  [ErrorCode.WorkbookHasMacros]: 'Ce classeur contient des macros (.xlsm) et n’est jamais ouvert ici : enregistrez-le en « Classeur Excel (.xlsx) » ou en CSV.',
  [ErrorCode.EncryptedWorkbook]: 'Ce classeur est protégé par un mot de passe : retirez le mot de passe dans Excel, ou enregistrez-le en CSV.',
  [ErrorCode.LegacyExcelWorkbook]: 'Ce fichier est un classeur Excel 97-2003 (.xls) : enregistrez-le en « Classeur Excel (.xlsx) » ou en CSV.',
  [ErrorCode.WorkbookTooLarge]: 'Ce classeur se décompresse au-delà de la taille acceptée : exportez la liste en CSV ou découpez-la.',
  [ErrorCode.TooManyRows]: 'Le fichier compte plus de lignes que ce serveur n’en accepte en une fois : découpez-le en plusieurs fichiers.',
  [ErrorCode.TooManyColumns]: 'Le fichier a plus de colonnes qu’une liste de membres n’en a jamais : exportez seulement les colonnes utiles.',
  [ErrorCode.CellTooLarge]: 'Une cellule du fichier est bien plus longue qu’une adresse ou un nom : vérifiez le fichier ou exportez seulement les colonnes utiles.',
  [ErrorCode.AccountDisabledInDirectory]: 'L’annuaire indique ce compte comme désactivé : il n’est ajouté que si vous choisissez de l’ajouter quand même.',
  [ErrorCode.NamesSplitFromDisplayName]: 'Le prénom et le nom ont été tirés du nom complet : corrigez-les si le découpage est faux.',
  [ErrorCode.NameCharactersLost]: 'Un nom du fichier a perdu ses lettres accentuées (« ? ») : il a été laissé de côté, saisissez-le ici.',
  [ErrorCode.AccountNameAdjusted]: 'Le nom d’utilisateur du fichier ne pouvait pas servir tel quel de nom de compte : le nom valable le plus proche a été choisi.',
  [ErrorCode.FormulaLikeEmail]: 'Cette adresse commence par un caractère de formule de tableur (= + - @) : vérifiez qu’elle est bien celle de la personne.',
  [ErrorCode.AddedAnyway]: 'L’annuaire indique ce compte comme désactivé ; il est ajouté quand même, comme demandé.',
  [ErrorCode.EmailFromOtherColumn]: 'La colonne d’adresse e-mail est vide sur cette ligne : l’adresse d’une autre colonne a été utilisée.',
};

export function problemWords(locale: Locale, problem: RowProblem): string {
  return locale === 'fr' ? (FRENCH[problem.code] ?? problem.message) : problem.message;
}

/** "1 h 05 min", "3 min 20 s", "45 s": the same in both languages. */
export function durationWords(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
