import type { AccountStateKind } from './header-columns';

const TRUE_VALUES = new Set(['true', 'yes', 'y', '1', 'vrai', 'oui']);
const FALSE_VALUES = new Set(['false', 'no', 'n', '0', 'faux', 'non']);
// Okta's DEPROVISIONED and SUSPENDED, Google Workspace's Suspended and Archived, JumpCloud's
// SUSPENDED, and the same words an admin or another directory would write, in English and French.
// STAGED, PROVISIONED, RECOVERY, LOCKED_OUT or PASSWORD_EXPIRED accounts are live: not listed.
const DISABLED_STATUSES = new Set([
  'disabled',
  'suspended',
  'deprovisioned',
  'deactivated',
  'inactive',
  'blocked',
  'deleted',
  'softdeleted',
  'archived',
  'desactive',
  'suspendu',
  'bloque',
  'supprime',
  'inactif',
  'archive',
]);
// userAccountControl's ACCOUNTDISABLE flag (Active Directory, as csvde writes it: 514 = 512 + 2).
const ACCOUNT_DISABLE = 0x2;

/**
 * Whether a cell of an account-state column says the directory disabled, suspended or deleted the
 * account. An empty cell says nothing.
 */
export function saysDisabled(kind: AccountStateKind, cell: string): boolean {
  const value = normalise(cell);
  if (value === '') return false;
  switch (kind) {
    case 'enabled':
      return FALSE_VALUES.has(value);
    case 'blocked':
      return TRUE_VALUES.has(value);
    case 'deleted':
      // A deletion time stamp, or a yes.
      return !FALSE_VALUES.has(value);
    case 'status':
      return DISABLED_STATUSES.has(value);
    case 'userAccountControl':
      return /^\d+$/.test(value) && (Number(value) & ACCOUNT_DISABLE) !== 0;
  }
}

function normalise(cell: string): string {
  return cell
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
