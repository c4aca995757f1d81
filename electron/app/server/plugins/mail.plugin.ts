import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import type { MyMail } from '../../../../shared/api/mail.js';
import { readSmtpSettings, smtpSettingsView, writeSmtpSettings } from '../../mail/mail-settings.js';
import type { MailService } from '../../mail/mail-service.js';
import { sendOverSmtp } from '../../mail/smtp-send.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

/** E-mail notices over HTTP: the SMTP settings and a test send (admins), the outbox's state, and each user's own on/off. */
export function mailPlugin(services: Services, mail: MailService) {
  const { settings, adminLog, users } = services;
  const myMail = (userId: number): MyMail => ({
    enabled: mail.optOut.wantsMail(userId),
    address: users.get(userId).email,
    hubSendsMail: readSmtpSettings(settings).enabled,
  });
  return async (app: FastifyInstance) => {
    route(app, api.mailSettings, () => smtpSettingsView(readSmtpSettings(settings)));
    route(app, api.setMailSettings, ({ body, me }) => {
      const before = smtpSettingsView(readSmtpSettings(settings));
      const after = smtpSettingsView(writeSmtpSettings(settings, body));
      // The log says whether the password changed, never what it is.
      adminLog.record(me().user.id, 'mail.settings.set', 'settings', { before, after, passwordChanged: body.password !== undefined });
      return after;
    });
    route(app, api.sendTestMail, async ({ body, me }) => {
      const result = await sendOverSmtp(readSmtpSettings(settings), {
        to: body.to,
        subject: '【Kamiless】テストメール',
        text: `Kamiless からのテストメールです。\nこのメールが届いていれば、通知メールの送信設定は正しく動作しています。\n\n送信者: ${me().user.name}\n`,
      });
      adminLog.record(me().user.id, 'mail.test', 'settings', { to: body.to, ok: result.ok });
      return result;
    });
    route(app, api.mailOutbox, () => mail.outbox.status());
    route(app, api.retryMails, ({ me }) => {
      const retried = mail.retryFailed();
      adminLog.record(me().user.id, 'mail.retry', 'settings', { retried });
      return { retried, outbox: mail.outbox.status() };
    });
    route(app, api.myMail, ({ me }) => myMail(me().user.id));
    route(app, api.setMyMail, ({ body, me }) => {
      mail.optOut.set(me().user.id, body.enabled);
      return myMail(me().user.id);
    });
  };
}
