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
    expect(loadConfig({ MAIL_FROM: '"Borgå stad, Mötesplats" <noreply@borga.fi>' }).mailFrom).toBe(
      '"Borgå stad, Mötesplats" <noreply@borga.fi>',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid setting PORT: .*\(got "eighty"\)$/],
    [{ PORT: '70000' }, /^Invalid setting PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid setting DATABASE_URL: must be a postgres/],
    [{ SMTP_URL: 'http://mail' }, /^Invalid setting SMTP_URL/],
    [{ PUBLIC_ORIGIN: 'not a url' }, /^Invalid setting PUBLIC_ORIGIN/],
    [{ MAIL_FROM: 'Mötesplats' }, /^Invalid setting MAIL_FROM: must be an address/],
    [{ MAIL_FROM: 'no-reply@localhost' }, /^Invalid setting MAIL_FROM/],
    [{ MAIL_FROM: 'A <a@b.fi>, c@d.fi' }, /^Invalid setting MAIL_FROM/],
    [{ MAIL_FROM: 'Borgå stad, Mötesplats <a@b.fi>' }, /^Invalid setting MAIL_FROM/],
    [{ MAIL_FROM: 'A\r\nBcc: x@y.fi <a@b.fi>' }, /^Invalid setting MAIL_FROM/],
    [{ PUBLIC_ORIGIN: 'javascript:alert(1)' }, /^Invalid setting PUBLIC_ORIGIN: must be an http/],
    [{ PUBLIC_ORIGIN: 'https://m.example/sub' }, /^Invalid setting PUBLIC_ORIGIN/],
    [{ TRUSTED_PROXY: 'yes' }, /^Invalid setting TRUSTED_PROXY: must be IP addresses/],
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
