import { describe, expect, it } from 'vitest';
import { classifySmtpError } from '../../../electron/app/mail/smtp-send.js';

const err = (code: string, message: string, response?: string) => Object.assign(new Error(message), { code, ...(response !== undefined && { response }) });

describe('classifySmtpError', () => {
  it('tells connection, login, TLS, time-out and refusal apart', () => {
    expect(classifySmtpError(err('ESOCKET', 'connect ECONNREFUSED 127.0.0.1:25')).reason).toBe('connection');
    expect(classifySmtpError(err('EDNS', 'getaddrinfo ENOTFOUND smtp.example')).reason).toBe('connection');
    expect(classifySmtpError(err('EAUTH', 'Invalid login', '535 5.7.8 Authentication failed'))).toEqual({ reason: 'auth', message: '535 5.7.8 Authentication failed' });
    expect(classifySmtpError(err('ETLS', 'Error initiating TLS')).reason).toBe('tls');
    expect(classifySmtpError(err('ESOCKET', 'self-signed certificate')).reason).toBe('tls');
    expect(classifySmtpError(err('ESOCKET', 'routines:ssl3_get_record:wrong version number')).reason).toBe('tls');
    expect(classifySmtpError(err('ETIMEDOUT', 'Greeting never received')).reason).toBe('timeout');
    expect(classifySmtpError(err('EENVELOPE', 'Recipient refused', '550 5.1.1 No such user'))).toEqual({ reason: 'rejected', message: '550 5.1.1 No such user' });
  });

  it('keeps anything else as other, with its message', () => {
    expect(classifySmtpError(new Error('boom'))).toEqual({ reason: 'other', message: 'boom' });
    expect(classifySmtpError('odd')).toEqual({ reason: 'other', message: 'odd' });
  });
});
