/**
 * Reading mail from the outbox as the worker would send it. Tests run at a fixed instant,
 * so several mails share their created_at: a test takes the one mail to an address that
 * carries a link to `path`, and removes it, so the next take finds only newer mail.
 */
import { mailOutbox, type Db } from '@motesplats/db';
import { eq } from 'drizzle-orm';

export async function takeMail(db: Db, to: string, path: string | RegExp) {
  const matches = (url: URL) =>
    typeof path === 'string' ? url.pathname === path : path.test(url.pathname);
  const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
  const found = mails
    .map((mail) => ({
      mail,
      link: [...mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)]
        .map((m) => new URL(m[0]))
        .find(matches),
    }))
    .filter((x) => x.link);
  if (found.length !== 1)
    throw new Error(`expected one mail to ${to} linking ${path}, found ${found.length}`);
  await db.delete(mailOutbox).where(eq(mailOutbox.id, found[0]!.mail.id));
  return { ...found[0]!.mail, link: found[0]!.link! };
}
