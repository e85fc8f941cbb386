import { Injectable } from '@nestjs/common';
import type { AuditEventMessage, AuditObject } from '@app/contracts';
import { normalizeEmail } from '../accounts/email-address';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { AdminsRepository } from '../organizations/persistence/admins.repository';

/** Who a refused sign-in was about, as far as the audit log may say. */
export interface RefusedSignInSubject {
  /** The identifier typed, normalised, only when it names an account; null otherwise. */
  login: string | null;
  object: AuditObject | null;
  organizationId: string | null;
}

const NOBODY: RefusedSignInSubject = { login: null, object: null, organizationId: null };

/**
 * What the gateway cannot know about an event and the members service can: which account a
 * refused sign-in's login names, and a member's organization. A login that names no account is
 * dropped: people type their password in the login field, and it must not rest in the audit log.
 */
@Injectable()
export class AuditSubjects {
  constructor(
    private readonly admins: AdminsRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  async ofRefusedSignIn(message: AuditEventMessage): Promise<RefusedSignInSubject> {
    if (message.typedLogin === undefined) return NOBODY;
    const typed = message.typedLogin.trim();
    if (message.action.startsWith('admin.')) {
      const email = normalizeEmail(typed);
      const admin = await this.admins.findByEmail(email);
      return admin ? { login: email, object: { type: 'admin', id: admin._id }, organizationId: admin.organizationId } : NOBODY;
    }
    // As the member sign-in reads it: an address, or an account name in any case.
    const login = typed.includes('@') ? normalizeEmail(typed) : typed.toLowerCase();
    const account = login.includes('@') ? await this.accounts.findByEmail(login) : await this.accounts.findByAccountName(login);
    return account ? { login, object: { type: 'member', id: account._id }, organizationId: account.organizationId } : NOBODY;
  }

  /** The organization of a member the gateway knew only by id (a member following their activation link). */
  async organizationOfMember(memberId: string): Promise<string | null> {
    return (await this.accounts.findById(memberId))?.organizationId ?? null;
  }
}
