import type { TFunction } from 'i18next';
import type { DepartmentKind, Role, SiteKind } from '../../../shared/api/index.js';
import { assertNever } from '../../lib/assertNever.js';

export function siteKindLabel(kind: SiteKind, t: TFunction): string {
  switch (kind) {
    case 'honcho':
      return t('siteKind.honcho');
    case 'shisho':
      return t('siteKind.shisho');
    case 'outpost':
      return t('siteKind.outpost');
    default:
      return assertNever(kind);
  }
}

export function departmentKindLabel(kind: DepartmentKind, t: TFunction): string {
  switch (kind) {
    case 'bu':
      return t('departmentKind.bu');
    case 'ka':
      return t('departmentKind.ka');
    case 'kakari':
      return t('departmentKind.kakari');
    default:
      return assertNever(kind);
  }
}

export function roleLabel(role: Role, t: TFunction): string {
  switch (role) {
    case 'admin':
      return t('role.admin');
    case 'dx':
      return t('role.dx');
    case 'clerk':
      return t('role.clerk');
    default:
      return assertNever(role);
  }
}
