import { Anchor, Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconLink, IconPhotoOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchPlace, SearchItem } from '../../../shared/api/search.js';
import { formatWarekiDate } from '../../../shared/domain/wareki.js';
import { assertNever } from '../../lib/assertNever.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { stateColor, stateLabel } from '../case/caseText.js';
import classes from './SearchPage.module.css';
import { Snippet } from './Snippet.js';

function placeLabel(place: MatchPlace, t: TFunction): string {
  switch (place) {
    case 'number':
      return t('search.place.number');
    case 'title':
      return t('search.place.title');
    case 'body':
      return t('search.place.body');
    case 'comment':
      return t('search.place.comment');
    case 'pdf':
      return t('search.place.pdf');
    default:
      return assertNever(place);
  }
}

/** One hit: a card on every width (number, state, title, where it matched, snippet, related cases). */
function ResultCard({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <li className={classes.card} data-case-id={item.caseId}>
      <Group gap={8} wrap="wrap">
        <Badge color={stateColor(item.state)} variant="light" tt="none" size="md">
          {stateLabel(item.state, t)}
        </Badge>
        <Text size="sm" fw={600}>
          {item.number ?? '—'}
        </Text>
        <Text size="sm" c="dimmed">
          {item.type.name}
        </Text>
        {item.disposed ? (
          <Badge color="gray" variant="outline" tt="none" size="md">
            {t('search.disposed')}
          </Badge>
        ) : null}
        {item.noTextLayer ? (
          <Tooltip label={t('search.noTextLayerHint')} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
            <Badge color="orange" variant="light" tt="none" size="md" leftSection={<IconPhotoOff size={14} aria-hidden />} data-no-text-layer tabIndex={0}>
              {t('search.noTextLayer')}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      <Anchor component={Link} to={`/cases/${item.caseId}`} fw={700} className={classes.title}>
        {item.title}
      </Anchor>
      <Text size="sm" c="dimmed">
        {item.department.name}・{item.site.name}・{item.drafter.name}
        {'　'}
        {t('search.drafted', { when: formatWarekiDate(item.createdAt, lang) })}
        {'　'}
        {t('search.updated', { when: formatWarekiDate(item.updatedAt, lang) })}
      </Text>
      {/* A hit in the title or number alone is already in plain view above. */}
      {item.matchedIn.some((p) => p === 'body' || p === 'comment' || p === 'pdf') ? <Snippet text={item.snippet} /> : null}
      {item.matchedIn.length > 0 ? (
        <Text size="xs" c="dimmed" data-matched-in={item.matchedIn.join(' ')}>
          {t('search.matchedIn', { places: item.matchedIn.map((p) => placeLabel(p, t)).join('・') })}
        </Text>
      ) : null}
      {item.related.length > 0 ? (
        <Group gap={6} wrap="wrap" mt={4}>
          <Text size="xs" c="dimmed">
            <IconLink size={12} aria-hidden /> {t('search.related')}
          </Text>
          {item.related.map((r) => (
            <UnstyledButton key={r.caseId} component={Link} to={`/cases/${r.caseId}`} className={classes.related}>
              {r.number ?? r.title}
            </UnstyledButton>
          ))}
        </Group>
      ) : null}
    </li>
  );
}

export function SearchResults({ items }: { items: readonly SearchItem[] }) {
  return (
    <ul className={classes.results}>
      {items.map((item) => (
        <ResultCard key={item.caseId} item={item} />
      ))}
    </ul>
  );
}
