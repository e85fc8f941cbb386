import { AccountPages } from './account-pages';

describe('the account pages', () => {
  const pages = new AccountPages();

  it('allow only their own style, no script, forms to this origin, no framing', () => {
    expect(pages.contentSecurityPolicy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
  });

  it('bring a refused form back with its values, never a password, errors summed up in order and next to their fields', () => {
    const html = pages.render('signup-form', 'en', {
      csrfToken: 'csrf-value',
      values: { email: 'jane@example.org', accountName: 'jane.doe', firstName: '', lastName: '', password: 'Secret-Password-1' },
      errors: [
        { field: 'accountName', message: 'This account name is already taken: choose another one.' },
        { field: 'password', message: 'Password is too common.' },
      ],
      suggestions: ['jane.doe1', 'jane.doe2'],
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('value="csrf-value"');
    expect(html).toContain('value="jane@example.org"');
    expect(html).not.toContain('Secret-Password-1');
    expect(html.indexOf('href="#accountName"')).toBeLessThan(html.indexOf('href="#password"'));
    expect(html).toContain('id="accountName-error"');
    expect(html).toMatch(/<input id="accountName"[^>]*aria-invalid="true"[^>]*aria-describedby="accountName-hint accountName-error"/);
    // Under the account name only.
    expect(html.split('<strong>jane.doe1</strong>')).toHaveLength(2);
    expect(html.indexOf('<strong>jane.doe1</strong>')).toBeGreaterThan(html.indexOf('id="accountName"'));
    expect(html.indexOf('<strong>jane.doe1</strong>')).toBeLessThan(html.indexOf('id="firstName"'));
    expect(html).toContain('autofocus');
  });

  it('speak French, and escape what a visitor typed', () => {
    const html = pages.render('signin-form', 'fr', { values: { login: '"><script>alert(1)</script>' }, formErrors: ['Trop de tentatives'] });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Connexion</h1>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Trop de tentatives');
  });

  it('show an invitation with Accept and Decline, each a form of this site with its CSRF value', () => {
    const html = pages.render('invitation', 'fr', {
      csrfToken: 'csrf-value',
      invitationId: '3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c',
      title: 'Invitation à rejoindre Contoso',
      pending: true,
      intro: 'Contoso invite votre compte jane.moreau',
      expires: 'Répondez avant le 15 décembre 2026.',
      acceptLabel: 'Accepter et rejoindre Contoso',
      ended: '',
    });
    expect(html).toContain('action="/invitations/3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c/accept"');
    expect(html).toContain('action="/invitations/3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c/decline"');
    expect(html.match(/name="_csrf" value="csrf-value"/g)).toHaveLength(2);
    expect(html).toContain('<html lang="fr">');
  });

  it('show a personal account’s organization with Leave, and its invitations; a business account neither', () => {
    const personal = pages.render('signed-in', 'en', {
      csrfToken: 'csrf-value',
      accountName: 'jane.moreau',
      email: 'jane@example.org',
      personal: true,
      organization: { name: 'Contoso', leaveLabel: 'Leave Contoso' },
      invitations: [{ href: '/invitations/x?lang=en', label: 'See the invitation of Fabrikam', expires: 'Answer before …' }],
    });
    expect(personal).toContain('id="account-organization">Contoso</dd>');
    expect(personal).toContain('action="/account/leave"');
    expect(personal).toContain('See the invitation of Fabrikam');
    const business = pages.render('signed-in', 'en', { accountName: 'sam', email: 'sam@contoso.example', personal: false, organization: null, invitations: [] });
    expect(business).not.toContain('/account/leave');
    expect(business).not.toContain('account-invitations');
  });
});
