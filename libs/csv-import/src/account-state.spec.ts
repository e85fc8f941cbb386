import { saysDisabled } from './account-state';
import type { AccountStateKind } from './header-columns';

describe('saysDisabled', () => {
  it.each<[AccountStateKind, string, boolean]>([
    // Microsoft 365 "Block credential", JumpCloud "Suspended"
    ['blocked', 'True', true],
    ['blocked', 'TRUE', true],
    ['blocked', 'oui', true],
    ['blocked', 'False', false],
    ['blocked', '', false],
    // Entra ID "accountEnabled", Get-ADUser "Enabled"
    ['enabled', 'False', true],
    ['enabled', 'FALSE', true],
    ['enabled', 'Faux', true],
    ['enabled', 'True', false],
    ['enabled', '', false],
    // Microsoft 365 "Soft deletion time stamp"
    ['deleted', '2026-01-05 10:42:00', true],
    ['deleted', 'False', false],
    ['deleted', '', false],
    // Okta, Google Workspace, JumpCloud
    ['status', 'DEPROVISIONED', true],
    ['status', 'SUSPENDED', true],
    ['status', 'Suspended', true],
    ['status', 'Archived', true],
    ['status', 'Désactivé', true],
    ['status', 'ACTIVE', false],
    ['status', 'ACTIVATED', false],
    ['status', 'STAGED', false],
    ['status', 'PROVISIONED', false],
    ['status', 'LOCKED_OUT', false],
    ['status', 'PASSWORD_EXPIRED', false],
    ['status', 'Employee', false],
    // csvde's userAccountControl: 514 and 66050 carry ACCOUNTDISABLE (2)
    ['userAccountControl', '514', true],
    ['userAccountControl', '66050', true],
    ['userAccountControl', '512', false],
    ['userAccountControl', '66048', false],
    ['userAccountControl', 'n/a', false],
  ])('%s %j: %p', (kind, value, disabled) => {
    expect(saysDisabled(kind, value)).toBe(disabled);
  });
});
