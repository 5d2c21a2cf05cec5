import { ConfigError, loadConfig } from '@motesplats/api';
import { describe, expect, it } from 'vitest';

describe('configuration', () => {
  it('needs nothing: embedded database in ./data on port 3000', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      demoSeed: true,
    });
  });

  it('reads DATABASE_URL, PORT and DATA_DIR', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db/m', PORT: '8080', DATA_DIR: '/var/lib/m' }),
    ).toMatchObject({ databaseUrl: 'postgres://u@db/m', port: 8080, dataDir: '/var/lib/m' });
  });

  it('sends mail from MAIL_FROM, by default a no-reply address of Mötesplats', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Mötesplats <no-reply@motesplats.example>',
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtp://relay.borga.fi:587',
        MAIL_FROM: 'Borgå stad <noreply@borga.fi>',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://relay.borga.fi:587',
      mailFrom: 'Borgå stad <noreply@borga.fi>',
    });
    expect(loadConfig({ MAIL_FROM: 'noreply@porvoo.fi' }).mailFrom).toBe('noreply@porvoo.fi');
    expect(loadConfig({}).accessibilityFeedbackEmail).toBeUndefined();
    expect(
      loadConfig({ ACCESSIBILITY_FEEDBACK_EMAIL: 'saavutettavuus@porvoo.fi' })
        .accessibilityFeedbackEmail,
    ).toBe('saavutettavuus@porvoo.fi');
    expect(loadConfig({ MAIL_FROM: '"Borgå stad, Mötesplats" <noreply@borga.fi>' }).mailFrom).toBe(
      '"Borgå stad, Mötesplats" <noreply@borga.fi>',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid setting PORT: .*\(got "eighty"\)$/],
    [{ PORT: '70000' }, /^Invalid setting PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid setting DATABASE_URL: must be a postgres/],
    [{ SMTP_URL: 'http://mail' }, /^Invalid setting SMTP_URL/],
    [{ SMTP_URL: 'smtp://user:secret@[::1' }, /^Invalid setting SMTP_URL: must be an smtp/],
    [{ PUBLIC_ORIGIN: 'not a url' }, /^Invalid setting PUBLIC_ORIGIN/],
    [{ MAIL_FROM: 'Mötesplats' }, /^Invalid setting MAIL_FROM: must be an address/],
    [{ MAIL_FROM: 'no-reply@localhost' }, /^Invalid setting MAIL_FROM/],
    [{ MAIL_FROM: 'A <a@b.fi>, c@d.fi' }, /^Invalid setting MAIL_FROM/],
    [{ MAIL_FROM: 'Borgå stad, Mötesplats <a@b.fi>' }, /^Invalid setting MAIL_FROM/],
    [{ MAIL_FROM: 'A\r\nBcc: x@y.fi <a@b.fi>' }, /^Invalid setting MAIL_FROM/],
    [{ PUBLIC_ORIGIN: 'javascript:alert(1)' }, /^Invalid setting PUBLIC_ORIGIN: must be an http/],
    [{ PUBLIC_ORIGIN: 'https://m.example/sub' }, /^Invalid setting PUBLIC_ORIGIN/],
    [{ TRUSTED_PROXY: 'yes' }, /^Invalid setting TRUSTED_PROXY: must be IP addresses/],
    [
      { ACCESSIBILITY_FEEDBACK_EMAIL: 'porvoo.fi' },
      /^Invalid setting ACCESSIBILITY_FEEDBACK_EMAIL/,
    ],
    [{ TRUSTED_PROXY: '10.0.0.0/33' }, /^Invalid setting TRUSTED_PROXY/],
    [{ TRUSTED_PROXY: '127.0.0.1,,::1' }, /^Invalid setting TRUSTED_PROXY/],
  ])('stops with one readable line naming a bad setting: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('trusts no proxy unless TRUSTED_PROXY lists it', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://m.example/' }).publicOrigin).toBe(
      'https://m.example',
    );
  });
});

describe('staff sign-in through OpenID Connect (OIDC_*)', () => {
  const oidc = {
    OIDC_ISSUER: 'https://login.borga.fi/realms/staff/',
    OIDC_CLIENT_ID: 'motesplats',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_NAME: 'Borgå stad',
  };

  it('is off without OIDC_ISSUER', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('reads the provider, the role claim and the staff map', () => {
    const config = loadConfig({
      ...oidc,
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_STAFF_MAP:
        'borga-staff=borga:staff, borga-admins=borga:admin,region=pargas:staff,region=lovisa:staff',
    });
    expect(config.oidc).toMatchObject({
      issuer: 'https://login.borga.fi/realms/staff',
      clientId: 'motesplats',
      clientSecret: 's3cret',
      name: 'Borgå stad',
      scopes: ['openid', 'email', 'profile'],
      roleClaim: 'realm_access.roles',
    });
    expect(Object.fromEntries(config.oidc!.staffMap)).toEqual({
      'borga-staff': [{ municipality: 'borga', role: 'staff' }],
      'borga-admins': [{ municipality: 'borga', role: 'admin' }],
      region: [
        { municipality: 'pargas', role: 'staff' },
        { municipality: 'lovisa', role: 'staff' },
      ],
    });
    expect(loadConfig(oidc).oidc).toMatchObject({ roleClaim: 'groups' });
    expect(loadConfig(oidc).oidc!.staffMap.size).toBe(0);
  });

  it('takes claim values with "=" in the list form and with "," in the JSON form', () => {
    expect(
      Object.fromEntries(
        loadConfig({ ...oidc, OIDC_STAFF_MAP: 'role=staff=borga:staff' }).oidc!.staffMap,
      ),
    ).toEqual({ 'role=staff': [{ municipality: 'borga', role: 'staff' }] });
    expect(
      Object.fromEntries(
        loadConfig({
          ...oidc,
          OIDC_STAFF_MAP:
            '{"cn=staff,ou=borga": ["borga:staff", "borga:admin"], "vasa": "vasa:staff"}',
        }).oidc!.staffMap,
      ),
    ).toEqual({
      'cn=staff,ou=borga': [
        { municipality: 'borga', role: 'staff' },
        { municipality: 'borga', role: 'admin' },
      ],
      vasa: [{ municipality: 'vasa', role: 'staff' }],
    });
  });

  it('allows plain http for a provider on loopback only', () => {
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc!.issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it.each([
    [
      { ...oidc, OIDC_CLIENT_SECRET: undefined },
      /^Invalid setting OIDC_CLIENT_SECRET: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_NAME go together$/,
    ],
    [{ OIDC_CLIENT_ID: 'x' }, /^Invalid setting OIDC_ISSUER: .* go together$/],
    [{ OIDC_STAFF_MAP: 'a=borga:staff' }, /^Invalid setting OIDC_STAFF_MAP: needs OIDC_ISSUER$/],
    [
      { ...oidc, OIDC_ISSUER: 'http://login.borga.fi' },
      /^Invalid setting OIDC_ISSUER: must be https:\/\//,
    ],
    [{ ...oidc, OIDC_ISSUER: 'login.borga.fi' }, /^Invalid setting OIDC_ISSUER: must be a URL/],
    [
      { ...oidc, OIDC_SCOPES: 'email profile' },
      /^Invalid setting OIDC_SCOPES: must include openid/,
    ],
    [
      { ...oidc, OIDC_STAFF_MAP: 'borga-staff' },
      /^Invalid setting OIDC_STAFF_MAP: entry "borga-staff" must be claim-value=municipality:role$/,
    ],
    [
      { ...oidc, OIDC_STAFF_MAP: 'x=borga:boss' },
      /^Invalid setting OIDC_STAFF_MAP: the role in "borga:boss" for "x" must be staff or admin$/,
    ],
    [
      { ...oidc, OIDC_STAFF_MAP: 'x=Borgå:staff' },
      /^Invalid setting OIDC_STAFF_MAP: "Borgå:staff" for "x" must be municipality:role/,
    ],
    [
      { ...oidc, OIDC_STAFF_MAP: '=borga:staff' },
      /^Invalid setting OIDC_STAFF_MAP: entry "=borga:staff"/,
    ],
    [
      { ...oidc, OIDC_STAFF_MAP: '{"x": 1}' },
      /^Invalid setting OIDC_STAFF_MAP: the grants of "x" must be/,
    ],
    [{ ...oidc, OIDC_STAFF_MAP: '{oops' }, /^Invalid setting OIDC_STAFF_MAP: is not valid JSON$/],
  ])('stops with one readable line: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
