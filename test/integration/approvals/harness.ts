// Helpers shared by the e-approval HTTP tests in this folder (not a test file itself).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import type { CaseStep, CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import type { Db } from '../../../electron/app/db/connection.js';
import { approvalApp } from '../../helpers/approval-town.js';
import { bodyOf, dbSnapshot, errorOf, removeTempDir, settled, type Client } from '../../helpers/test-app.js';

export type Res = LightMyRequestResponse;
export type Town = Awaited<ReturnType<typeof approvalApp>>;

/** An approval app and the function that closes it and removes its data folder. */
export async function openTown(): Promise<Town & { close: () => Promise<void> }> {
  const t = await approvalApp();
  return {
    ...t,
    close: async () => {
      await t.app.close();
      if (t.db.open) t.db.close();
      removeTempDir(t.dataDir);
    },
  };
}

export const caseOf = (res: Res): CaseView => bodyOf(api.getCase, res);

export async function draft(c: Client, payload: { typeId: number; title?: string; amount?: number | null; body?: string; consultDepartmentIds?: number[] }): Promise<CaseView> {
  return bodyOf(api.createCase, await c.inject({ method: 'POST', url: '/api/cases', payload: { title: '件名', ...payload } }));
}

export async function submit(c: Client, view: Pick<CaseView, 'id' | 'version'>): Promise<CaseView> {
  return bodyOf(api.submitCase, await c.inject({ method: 'POST', url: `/api/cases/${view.id}/submit`, payload: { version: view.version } }));
}

/** A drafted and submitted case. */
export async function submitted(c: Client, payload: Parameters<typeof draft>[1]): Promise<CaseView> {
  return submit(c, await draft(c, payload));
}

export const act = (c: Client, id: number, payload: Record<string, unknown>): Promise<Res> => c.inject({ method: 'POST', url: `/api/cases/${id}/actions`, payload });

/** An action that must succeed. */
export async function acted(c: Client, id: number, payload: Record<string, unknown>): Promise<CaseView> {
  return caseOf(await act(c, id, payload));
}

export const getCase = (c: Client, id: number): Promise<Res> => c.inject({ method: 'GET', url: `/api/cases/${id}` });

/** The refusal's error after checking its status and code. */
export function refused(res: Res, status: number, code: string): ReturnType<typeof errorOf> {
  const err = errorOf(res);
  expect({ status: res.statusCode, code: err.code }, res.body).toEqual({ status, code });
  return err;
}

/** Runs `request` and proves it changed no row of the database (sign in before calling: sessions are rows). */
export async function unchanged<T>(db: Db, request: () => Promise<T>): Promise<T> {
  // An archive PDF still being made for an earlier action would add its rows during the request.
  await settled(db);
  const before = dbSnapshot(db);
  const result = await request();
  await settled(db);
  expect(dbSnapshot(db)).toEqual(before);
  return result;
}

export const steps = (v: CaseView): CaseStep[] => v.route.stages.flatMap((s) => s.steps);

export function step(v: CaseView, key: string): CaseStep {
  const found = steps(v).find((s) => s.key === key);
  if (!found) throw new Error(`no step ${key} on case ${v.id}: ${steps(v).map((s) => s.key).join(', ')}`);
  return found;
}

/** A readable PDF of `pages` pages. */
export async function pdfBytes(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 780, size: 12 });
  return Buffer.from(await doc.save());
}

/** A multipart/form-data body with one file field. */
export function multipart(field: string, filename: string, bytes: Buffer, type = 'application/pdf'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kamiless${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(c: Client, caseId: number, filename: string, bytes: Buffer, field = 'file'): Promise<Res> {
  return c.inject({ method: 'POST', url: `/api/cases/${caseId}/attachments`, ...multipart(field, filename, bytes) });
}

/** Every file under a folder (the blob store), relative paths, sorted; [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length))
      .sort();
  } catch {
    return [];
  }
}
