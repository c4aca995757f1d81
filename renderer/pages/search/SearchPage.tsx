import { Button, Collapse, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { PagePicker } from '../../components/PagePicker.js';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconDownload, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api/index.js';
import { searchDownloads, type SearchQuery } from '../../../shared/api/search.js';
import { call } from '../../api/client.js';
import { EmptyNotice } from '../../components/EmptyNotice.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TableSkeleton } from '../../components/TableSkeleton.js';
import classes from './SearchPage.module.css';
import { SearchFilters } from './SearchFilters.js';
import { activeFilterCount, hasCriteria, paramsOfSearch, searchFromParams } from './searchParams.js';
import { SearchResults } from './SearchResults.js';

/** The CSV of the whole result: a plain GET with the session cookie answered with a file, so a link. */
function csvHref(query: SearchQuery, encoding: 'utf8' | 'sjis'): string {
  const params = paramsOfSearch({ ...query, page: 1 });
  params.set('encoding', encoding);
  return `${searchDownloads.csv.path}?${params.toString()}`;
}

/**
 * 案件検索: words and filters in the URL (so Back and a shared link return to
 * the same result), results newest case first with the hit in context, 20 a
 * page, and the whole result as CSV.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = searchFromParams(params);
  const [text, setText] = useState(query.q);
  const [typedFor, setTypedFor] = useState(query.q);
  // The box follows the URL when it changes from outside (Back, a link), not while typing.
  if (typedFor !== query.q) {
    setTypedFor(query.q);
    setText(query.q);
  }
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState<boolean | null>(null);
  const showFilters = filtersOpen ?? (wide || activeFilterCount(query) > 0);

  const update = (next: Partial<SearchQuery>) => setParams(paramsOfSearch({ ...query, page: 1, ...next }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() });
  };

  const enabled = hasCriteria(query);
  const result = useQuery({
    queryKey: ['approvals', 'search', query],
    queryFn: () => call(api.search, { query }),
    enabled,
    placeholderData: keepPreviousData,
  });
  const data = enabled ? result.data : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filters = activeFilterCount(query);

  return (
    <Stack gap="md">
      <PageHeader title={t('nav.search')} description={t('search.lead')} />
      <form onSubmit={submit} role="search">
        <Group gap="sm" wrap="wrap" align="flex-end" className={classes.form}>
          <TextInput
            label={t('search.query')}
            placeholder={t('search.queryPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            type="search"
            size="md"
            className={classes.query}
            name="q"
          />
          <Button type="submit" size="md">
            {t('search.submit')}
          </Button>
          <Button
            variant="default"
            size="md"
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
            onClick={() => setFiltersOpen(!showFilters)}
            aria-expanded={showFilters}
          >
            {filters > 0 ? t('search.filtersActive', { n: filters }) : t('search.filters')}
          </Button>
        </Group>
      </form>
      <Collapse expanded={showFilters}>
        <Paper withBorder radius="md" p="md">
          <SearchFilters query={query} onChange={update} />
        </Paper>
      </Collapse>

      {!enabled ? (
        <EmptyNotice
          message={t('search.start')}
          action={
            <Text size="sm" c="dimmed" maw={560} ta="center">
              {t('search.help')}
            </Text>
          }
        />
      ) : null}
      {enabled && result.isPending ? <TableSkeleton rows={5} /> : null}
      {enabled && result.isError ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      {data ? (
        <>
          <Group justify="space-between" gap="sm" wrap="wrap" className={classes.downloads}>
            <Text fw={600} aria-live="polite" data-total={data.total}>
              {t('search.count', { n: data.total })}
            </Text>
            {data.total > 0 ? (
              <Group gap="xs" wrap="wrap">
                <Button component="a" href={csvHref(query, 'utf8')} download variant="default" size="sm" mih={44} leftSection={<IconDownload size={16} aria-hidden />}>
                  {t('search.csvUtf8')}
                </Button>
                <Button component="a" href={csvHref(query, 'sjis')} download variant="default" size="sm" mih={44} leftSection={<IconDownload size={16} aria-hidden />} title={t('search.csvNote')}>
                  {t('search.csvSjis')}
                </Button>
              </Group>
            ) : null}
          </Group>
          <Paper withBorder radius="md" p={data.items.length > 0 ? 0 : 'md'} opacity={result.isPlaceholderData ? 0.7 : 1}>
            {data.items.length === 0 ? <EmptyNotice message={t('search.noResult')} /> : <SearchResults items={data.items} />}
          </Paper>
          <PagePicker pages={pages} page={query.page} onChange={(page) => setParams(paramsOfSearch({ ...query, page }))} />
        </>
      ) : null}
    </Stack>
  );
}
