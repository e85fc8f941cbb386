import { ErrorCode, Exchanges, RoutingKeys } from '@app/contracts';
import type { ConfirmedPublisher } from '@app/messaging';
import type { ExistingEmail } from '../../accounts/persistence/accounts.repository';
import type { DomainError } from '../../rpc/domain.error';
import { AddressVerificationRequests, verificationCommandId } from './address-verification-requests';

const lea: ExistingEmail = {
  _id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  type: 'personal',
  emailNormalized: 'lea@perso.example',
  email: 'Lea@Perso.example',
  organizationId: null,
  accountName: 'lea.martin',
  firstName: 'Léa',
  locale: 'fr',
  activatedAt: null,
};

function publisher(routed: boolean | 'down') {
  const published: { exchange: string; routingKey: string; body: Record<string, unknown>; options: Record<string, unknown> }[] = [];
  const fake = {
    publish: async (exchange: string, routingKey: string, body: Record<string, unknown>, options: Record<string, unknown>) => {
      if (routed === 'down') throw new Error('connection closed');
      published.push({ exchange, routingKey, body, options });
      return { routed };
    },
  } as unknown as ConfirmedPublisher;
  return { published, requests: new AddressVerificationRequests(fake) };
}

describe('AddressVerificationRequests', () => {
  it('asks privately for the sign-up\'s verify_address mail, under an id that comes from the row', async () => {
    const { published, requests } = publisher(true);
    await requests.send([{ rowId: 'row-1', account: lea }]);
    await requests.send([{ rowId: 'row-1', account: lea }]);

    expect(published).toHaveLength(2);
    expect(published[0]).toMatchObject({ exchange: Exchanges.Commands, routingKey: RoutingKeys.SendSignUpEmail, options: { messageId: verificationCommandId('row-1'), type: 'SendSignUpEmail' } });
    expect(published[0].body).toMatchObject({ id: verificationCommandId('row-1'), kind: 'verify_address', accountId: lea._id, email: lea.email, accountName: 'lea.martin', firstName: 'Léa', locale: 'fr', businessAccount: false });
    // Validated again, the row asks for the same mail: the notifications service sends one.
    expect(published[1].body.id).toBe(published[0].body.id);
  });

  it('gives each row its own UUID v4 id', () => {
    expect(verificationCommandId('row-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(verificationCommandId('row-1')).not.toBe(verificationCommandId('row-2'));
  });

  it.each([
    ['unroutable', false as const],
    ['the broker down', 'down' as const],
  ])('fails the validation when the mail cannot be asked for (%s), so that it is done again', async (_, routed) => {
    const { requests } = publisher(routed);
    const error = await requests.send([{ rowId: 'row-1', account: lea }]).then(() => null, (thrown: DomainError) => thrown);
    expect(error?.code).toBe(ErrorCode.ServiceUnavailable);
  });

  it('publishes nothing for no request', async () => {
    const { published, requests } = publisher(true);
    await requests.send([]);
    expect(published).toEqual([]);
  });
});
