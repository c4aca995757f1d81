import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseStep, CaseView } from '../../../shared/api/index.js';
import { caseStates, stepKinds } from '../../../shared/domain/approval/types.js';
import { caseActionNames } from '../../../shared/api/approvals.js';
import { en } from '../../../renderer/i18n/en.js';
import { ja } from '../../../renderer/i18n/ja.js';
import {
  actionHelp,
  actionLabel,
  deputyCandidates,
  finalRuleText,
  formatYen,
  historyRows,
  latestSendBack,
  needsComment,
  positiveActionFor,
  sendBackTargets,
  stateLabel,
  stepKindLabel,
  tokyoToday,
  waitingText,
} from '../../../renderer/pages/case/caseText.js';

let tJa: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  tJa = i18n.getFixedT('ja');
  tEn = i18n.getFixedT('en');
});

const NOW = Date.parse('2025-11-25T03:00:00Z');

describe('waiting time', () => {
  it('says it in the largest whole unit, in Japanese and English', () => {
    expect(waitingText('2025-11-22T02:00:00Z', NOW, tJa)).toBe('3日');
    expect(waitingText('2025-11-24T22:00:00Z', NOW, tJa)).toBe('5時間');
    expect(waitingText('2025-11-25T02:48:00Z', NOW, tJa)).toBe('12分');
    expect(waitingText('2025-11-22T02:00:00Z', NOW, tEn)).toBe('3 d');
  });

  it('never says 0 or a negative time (a clock a little ahead of the hub)', () => {
    expect(waitingText('2025-11-25T03:00:10Z', NOW, tJa)).toBe('1分');
  });
});

describe('labels', () => {
  it('name every case state in Japanese as the office does', () => {
    expect(caseStates.map((s) => stateLabel(s, tJa))).toEqual(['起案中', '回議中', '差戻し', '決裁済', '施行済', '否決', '取下げ']);
  });

  it('name the step kinds 承認 / 合議 / 供覧 / 決裁', () => {
    expect(stepKinds.map((k) => stepKindLabel(k, tJa))).toEqual(['承認', '合議', '供覧', '決裁']);
  });

  it('give every action a label and plain words in both languages', () => {
    for (const a of caseActionNames) {
      for (const t of [tJa, tEn]) {
        expect(actionLabel(a, t)).not.toMatch(/^case\./);
        expect(actionHelp(a, t).length).toBeGreaterThan(10);
      }
    }
  });

  it('tell 取下げ, 否決 and 差戻し apart before they are done', () => {
    expect(actionHelp('withdraw', tJa)).toContain('自分の起案を取り下げます');
    expect(actionHelp('reject', tJa)).toContain('先へ進めず');
    expect(actionHelp('send_back', tJa)).toContain('否決ではありません');
  });

  it('write yen with ASCII ¥ and the 専決 rule with its amount', () => {
    expect(formatYen(3_200_000)).toBe('¥3,200,000');
    expect(finalRuleText(3_200_000, { label: '部長専決', stepKey: 'bucho', below: 5_000_000, escalatedFrom: null })).toBe('¥3,200,000 → 部長専決');
    expect(finalRuleText(null, { label: '課長決裁', stepKey: 'kacho', below: null, escalatedFrom: null })).toBe('課長決裁');
    expect(finalRuleText(100, null)).toBeNull();
  });

  it('know which actions need a reason and which action clears each kind of step', () => {
    expect(caseActionNames.filter(needsComment)).toEqual(['disagree', 'send_back', 'reject', 'comment']);
    expect(stepKinds.map(positiveActionFor)).toEqual(['approve', 'agree', 'acknowledge', 'final_approve']);
  });

  it('default the 施行日 to today in Tokyo', () => {
    expect(tokyoToday(Date.parse('2025-11-24T15:30:00Z'))).toBe('2025-11-25');
  });
});

const person = (id: number, name: string) => ({ id, name, login: `u${id}` });
function step(id: number, status: CaseStep['status'], over: Partial<CaseStep> = {}): CaseStep {
  return {
    id,
    key: `s${id}`,
    kind: 'approve',
    blocking: true,
    assignee: person(id, `承認者${id}`),
    position: '係長',
    department: null,
    status,
    actedBy: null,
    onBehalfOf: null,
    actedVia: null,
    actedAt: null,
    actedRevision: null,
    comment: null,
    ...over,
  };
}
function route(stages: CaseStep[][], currentStage: number | null): Pick<CaseView, 'route'> {
  return { route: { stages: stages.map((steps, i) => ({ key: `st${i}`, mode: 'all', steps })), finalRule: null, currentStage } };
}

describe('the route', () => {
  it('offers to send back to steps before mine that acted (not skipped, not a 供覧 the route did not wait for)', () => {
    const c = route(
      [
        [step(1, 'approved')],
        [step(2, 'skipped')],
        [step(3, 'acknowledged', { kind: 'inform', blocking: false })],
        [step(4, 'approved')],
        [step(5, 'agreed', { kind: 'consult' }), step(6, 'pending', { kind: 'consult' })],
        [step(7, 'waiting')],
      ],
      4,
    );
    expect(sendBackTargets(c, 6).map((s) => s.id)).toEqual([1, 4]);
    // Not on the route myself (a proxy's view): up to the current stage.
    expect(sendBackTargets(c, null).map((s) => s.id)).toEqual([1, 4]);
  });

  it('offers 代決 for the pending steps of the current stage that are not mine', () => {
    const c = { ...route([[step(1, 'approved')], [step(2, 'pending'), step(3, 'pending'), step(4, 'agreed')]], 1), state: 'in_progress' as const };
    expect(deputyCandidates(c, 3).map((s) => s.id)).toEqual([2]);
    expect(deputyCandidates({ ...c, state: 'sent_back' }, 3)).toEqual([]);
  });

  it('finds the send-back in force and lists events and attachment changes by time and revision', () => {
    const entry = (version: number, action: string, at: string, revision = 1) => ({
      version, type: action, action, at, actor: person(1, 'A'), onBehalfOf: null, via: null, stepId: null, toStepId: null, comment: action === 'send_back' ? '直してください' : null, reason: null, revision,
    });
    const timeline = [entry(1, 'create', '2025-11-20T00:00:00Z'), entry(2, 'submit', '2025-11-20T01:00:00Z'), entry(3, 'send_back', '2025-11-21T00:00:00Z')];
    expect(latestSendBack({ state: 'sent_back', timeline })?.comment).toBe('直してください');
    expect(latestSendBack({ state: 'in_progress', timeline })).toBeNull();
    const attachments = [
      { id: 1, name: 'a.pdf', size: 1, pages: 1, sha256: '', revision: 1, createdAt: '2025-11-20T00:30:00Z', createdBy: person(1, 'A'), removedAt: '2025-11-21T02:00:00Z' },
    ];
    expect(historyRows({ timeline, attachments }).map((r) => r.key)).toEqual(['e1', 'a1', 'e2', 'e3', 'r1']);
  });
});
