import { createTransport } from 'nodemailer';
import type { MailFailure, MailTestResult } from '../../../shared/api/mail.js';
import type { SmtpSettings } from './mail-settings.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox row: a mail sent again after a crash carries the same id, so mail clients show it once. */
  messageId?: string;
}

/** How long the hub waits for the SMTP server at each stage before it calls the attempt failed. */
export const smtpTimeoutMs = 15_000;

interface SmtpErrorLike {
  code?: unknown;
  response?: unknown;
  message?: unknown;
}

/**
 * Why nodemailer failed, in the words the admin screen uses. TLS trouble
 * often arrives as a plain socket error (a TLS port spoken to in clear, an
 * unknown certificate), so the message is looked at as well as the code.
 */
export function classifySmtpError(err: unknown): { reason: MailFailure; message: string } {
  const e: SmtpErrorLike = typeof err === 'object' && err !== null ? err : {};
  const code = typeof e.code === 'string' ? e.code : '';
  const text = typeof e.message === 'string' ? e.message : String(err);
  const message = typeof e.response === 'string' && e.response !== '' ? e.response : text;
  const reason = ((): MailFailure => {
    if (code === 'EAUTH' || code === 'ENOAUTH') return 'auth';
    if (code === 'ETLS' || code === 'EREQUIRETLS' || /\b(SSL|TLS)\b|certificate|CERT_|self[- ]signed|wrong version number/i.test(text)) return 'tls';
    if (code === 'ETIMEDOUT' || /timed? ?out/i.test(text)) return 'timeout';
    if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS') return 'connection';
    if (code === 'EENVELOPE' || code === 'EMESSAGE' || code === 'EPROTOCOL') return 'rejected';
    return 'other';
  })();
  return { reason, message };
}

/** Sends one mail over a fresh SMTP connection; answers the server's reply or why it failed, never throws. */
export async function sendOverSmtp(s: SmtpSettings, mail: OutgoingMail, timeoutMs = smtpTimeoutMs): Promise<MailTestResult> {
  if (s.host === '' || s.fromAddress === '') return { ok: false, reason: 'not_configured', message: 'no SMTP server or sender address is set' };
  const transport = createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    ...(s.user !== '' && { auth: { user: s.user, pass: s.password } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const info = await transport.sendMail({
      from: { name: s.fromName, address: s.fromAddress },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // RFC 3834: an automatic notice; out-of-office replies should not answer it.
      headers: { 'Auto-Submitted': 'auto-generated' },
      ...(mail.messageId !== undefined && { messageId: mail.messageId }),
    });
    return { ok: true, response: info.response };
  } catch (err) {
    return { ok: false, ...classifySmtpError(err) };
  } finally {
    transport.close();
  }
}
