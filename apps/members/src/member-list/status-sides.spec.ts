import type { AccountStatus } from '@app/contracts';
import type { Account } from '../accounts/account';
import type { AccountsRepository, ListPlace } from '../accounts/persistence/accounts.repository';
import { StatusSides } from './status-sides';

/** An organization's business members by status, and every read the sides make, with its cap. */
function organization(statuses: AccountStatus[]) {
  const reads: string[] = [];
  const members = statuses.map((status, index) => ({ _id: `m${index}`, status, batchId: 'b', chunk: 0 }) as Account);
  const capped = <T>(found: T[], most: number | null) => (most !== null && found.length > most ? null : found);
  const accounts = {
    businessWithStatus: async (_organizationId: string, status: AccountStatus, most: number | null) => {
      reads.push(`matching ${most}`);
      return capped(members.filter((member) => member.status === status), most);
    },
    placesOtherThan: async (_organizationId: string, status: AccountStatus, most: number | null) => {
      reads.push(`others ${most}`);
      return capped<ListPlace>(members.filter((member) => member.status !== status), most);
    },
  } as unknown as AccountsRepository;
  return { sides: new StatusSides(accounts), reads, size: members.length };
}

describe('StatusSides', () => {
  it('reads the filter’s members when they are the fewer', async () => {
    const { sides, reads, size } = organization(['active', 'pending_activation', 'active', 'active']);
    const side = await sides.read('org', 'pending_activation', size);
    expect('matching' in side && side.matching.map((member) => member._id)).toEqual(['m1']);
    expect(reads).toEqual(['matching 2']);
  });

  it('reads the others when the filter’s members pass half, and reads them first next time', async () => {
    const { sides, reads, size } = organization(['active', 'pending_activation', 'active', 'active', 'active']);
    const side = await sides.read('org', 'active', size);
    expect('others' in side && side.others).toHaveLength(1);
    expect(reads).toEqual(['matching 2', 'others null']);
    await sides.read('org', 'active', size);
    expect(reads.slice(2)).toEqual(['others 2']);
  });

  it('answers right when the counts it was given are wrong', async () => {
    const { sides } = organization(['active', 'active', 'active']);
    const side = await sides.read('org', 'active', 0);
    expect('others' in side ? side.others : side.matching).toHaveLength(0);
    const again = await sides.read('org', 'suspended', 0);
    expect('matching' in again && again.matching).toEqual([]);
  });
});
