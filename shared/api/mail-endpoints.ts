import { endpoint, roles, signedIn } from './endpoint.js';
import {
  mailSettingsInputSchema,
  mailSettingsSchema,
  mailTestBodySchema,
  mailTestResultSchema,
  myMailInputSchema,
  myMailSchema,
  outboxRetrySchema,
  outboxStatusSchema,
} from './mail.js';

/** E-mail notices: the SMTP settings, a test send, the outbox, and each user's own on/off; spread into `api` (endpoints.ts). */
export const mailApi = {
  mailSettings: endpoint({
    method: 'GET', path: '/api/admin/mail', access: roles('admin'), tag: 'mail',
    summary: 'The SMTP settings for e-mail notices (whether a password is set, never the password)',
    response: mailSettingsSchema,
  }),
  setMailSettings: endpoint({
    method: 'PUT', path: '/api/admin/mail', access: roles('admin'), tag: 'mail',
    summary: 'Store the SMTP settings; an omitted password keeps the stored one, null removes it',
    body: mailSettingsInputSchema, response: mailSettingsSchema,
  }),
  sendTestMail: endpoint({
    method: 'POST', path: '/api/admin/mail/test', access: roles('admin'), tag: 'mail',
    summary: "Send a test mail now with the stored settings (on or off): the SMTP server's answer, or why it failed",
    body: mailTestBodySchema, response: mailTestResultSchema,
  }),
  mailOutbox: endpoint({
    method: 'GET', path: '/api/admin/mail/outbox', access: roles('admin'), tag: 'mail',
    summary: 'Notice mails queued, sent and given up on, with the latest failures and their errors',
    response: outboxStatusSchema,
  }),
  retryMails: endpoint({
    method: 'POST', path: '/api/admin/mail/outbox/retry', access: roles('admin'), tag: 'mail',
    summary: 'Send again now every mail given up on or waiting after a failure (after the SMTP settings were fixed), counting its tries afresh',
    response: outboxRetrySchema,
  }),
  myMail: endpoint({
    method: 'GET', path: '/api/me/mail', access: signedIn, tag: 'mail',
    summary: 'Whether I receive notices by e-mail, at which address, and whether the hub sends mail at all',
    response: myMailSchema,
  }),
  setMyMail: endpoint({
    method: 'PUT', path: '/api/me/mail', access: signedIn, tag: 'mail',
    summary: 'Turn my e-mail notices on or off',
    body: myMailInputSchema, response: myMailSchema,
  }),
} as const;
