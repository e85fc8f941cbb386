export interface CreatedMember {
  memberId: string;
  organizationId: string;
  email: string;
  accountName: string;
}

/** The accounts one committed batch created. */
export class AddedMembers {
  constructor(
    readonly batchId: string,
    readonly members: readonly CreatedMember[],
  ) {}

  /** The account created for this address (as the batch row holds it, without a display name). */
  of(email: string): CreatedMember {
    const member = this.members.find((candidate) => candidate.email === email);
    if (!member) throw new Error(`batch ${this.batchId} created no account for ${email}`);
    return member;
  }

  get memberIds(): string[] {
    return this.members.map((member) => member.memberId);
  }
}
