// The approval town with e-mail addresses, a local SMTP receiver and mail turned on (not a test file itself).
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { buildApp } from '../../../electron/app/server/app.js';
import { EventHub } from '../../../electron/app/server/event-hub.js';
import { approvalTown } from '../../helpers/approval-town.js';
import { signIn, testClock, testDb, type Client } from '../../helpers/test-app.js';
import { smtpReceiver, type Receiver } from '../../helpers/smtp-receiver.js';

export const hubUrl = 'https://kamiless.town.example';

/** Settings that send to `port` on this machine, plain SMTP. */
export const mailOn = (port: number) => ({
  enabled: true,
  host: '127.0.0.1',
  port,
  security: 'none',
  user: '',
  fromAddress: 'kamiless@town.example',
  fromName: 'テスト町 Kamiless',
  appUrl: `${hubUrl}/`,
});

/** `events`: where the app publishes (a test may pass one that loses what is published). */
export async function mailTown(events: EventHub = new EventHub()) {
  const db = testDb();
  const clock = testClock();
  const town = await approvalTown(db, clock);
  // Everyone has an address but the outsider.
  db.prepare("UPDATE users SET email = login || '@town.example' WHERE login <> 'outsider'").run();
  let receiver: Receiver = await smtpReceiver();
  const build = () => buildApp({ db, mode: 'hub', clock, events, mailIntervalMs: 0, reminderIntervalMs: 0 });
  let app: FastifyInstance = await build();
  // A fresh sign-in per call: sessions time out while the clock jumps days ahead.
  const as = (login: string): Promise<Client> => signIn(app, login);
  const t = {
    db,
    clock,
    town,
    get app() {
      return app;
    },
    get receiver() {
      return receiver;
    },
    as,
    async configure(settings: Record<string, unknown> = mailOn(receiver.port)) {
      const res = await (await as('admin')).inject({ method: 'PUT', url: '/api/admin/mail', payload: settings });
      if (res.statusCode !== 200) throw new Error(`mail settings refused: ${res.body}`);
    },
    /** Sends what is due and answers every mail received so far. */
    async delivered(): Promise<ParsedMail[]> {
      await app.mail.flush();
      return receiver.received;
    },
    /** The app stops and a new one starts over the same database (what a restart of the hub keeps). */
    async restart() {
      await app.close();
      app = await build();
    },
    /** The SMTP server goes away (connections refused) … */
    async smtpDown() {
      await receiver.close();
    },
    /** … and comes back on the same port, with an empty mailbox. */
    async smtpUp() {
      receiver = await smtpReceiver({ port: receiver.port });
    },
    async close() {
      await app.close();
      await receiver.close();
      db.close();
    },
  };
  await t.configure();
  return t;
}

/** Who a mail went to, and its decoded subject. */
export const summary = (m: ParsedMail) => ({ to: m.to && !Array.isArray(m.to) ? m.to.text : '', subject: m.subject ?? '' });
