import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchQuery } from '../../../shared/api/search.js';
import { caseStates, type CaseState } from '../../../shared/domain/approval/types.js';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/domain/wareki.js';
import { useDepartments, useSession, useSites } from '../../api/hooks.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { stateLabel } from '../case/caseText.js';
import { useDocumentTypes } from '../draft/useDraftQueries.js';

/** Fiscal years offered: this one and the nine before (retention periods reach further, but rarely a search). */
const YEARS_SHOWN = 10;

const idOf = (v: string | null): number | undefined => (v === null || v === '' ? undefined : Number(v));

/** 文書種別・所属・拠点・状態・年度・起案者・起案日: each narrows the result; changing one goes back to page 1. */
export function SearchFilters({ query, onChange }: { query: SearchQuery; onChange: (next: Partial<SearchQuery>) => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const types = useDocumentTypes();
  const departments = useDepartments();
  const sites = useSites();
  const session = useSession();
  const me = session.data?.user.id;
  const thisYear = fiscalYearOf(new Date());
  const any = t('search.filter.any');

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t('search.filter.type')}
        placeholder={any}
        data={(types.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
        value={query.type === undefined ? null : String(query.type)}
        onChange={(v) => onChange({ type: idOf(v) })}
        clearable
        searchable
        size="md"
      />
      <Select
        label={t('search.filter.department')}
        placeholder={any}
        data={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: String(d.id), label: d.name }))}
        value={query.department === undefined ? null : String(query.department)}
        onChange={(v) => onChange({ department: idOf(v) })}
        clearable
        searchable
        size="md"
      />
      <Select
        label={t('search.filter.site')}
        placeholder={any}
        data={(sites.data ?? []).filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name }))}
        value={query.site === undefined ? null : String(query.site)}
        onChange={(v) => onChange({ site: idOf(v) })}
        clearable
        size="md"
      />
      <Select
        label={t('search.filter.state')}
        placeholder={any}
        data={caseStates.map((s) => ({ value: s, label: stateLabel(s, t) }))}
        value={query.state ?? null}
        onChange={(v) => onChange({ state: (v as CaseState | null) ?? undefined })}
        clearable
        size="md"
      />
      <Select
        label={t('search.filter.fy')}
        placeholder={any}
        data={Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, lang) }))}
        value={query.fy === undefined ? null : String(query.fy)}
        onChange={(v) => onChange({ fy: idOf(v) })}
        clearable
        size="md"
      />
      <TextInput type="date" label={t('search.filter.from')} value={query.from ?? ''} onChange={(e) => onChange({ from: e.currentTarget.value || undefined })} size="md" />
      <TextInput type="date" label={t('search.filter.to')} value={query.to ?? ''} onChange={(e) => onChange({ to: e.currentTarget.value || undefined })} size="md" />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Checkbox
          label={t('search.filter.mine')}
          checked={me !== undefined && query.drafter === me}
          onChange={(e) => onChange({ drafter: e.currentTarget.checked ? me : undefined })}
          size="md"
          mih={44}
          styles={{ body: { alignItems: 'center', minHeight: 44 } }}
        />
        <Button
          variant="subtle"
          size="md"
          onClick={() => onChange({ type: undefined, department: undefined, site: undefined, state: undefined, fy: undefined, drafter: undefined, from: undefined, to: undefined })}
        >
          {t('search.filter.clear')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
