import { Badge, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogFileRow } from '../../../shared/api/index.js';
import { formatWarekiDateTime } from '../../../shared/domain/wareki.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { encodingLabel, formatLabel } from './labels.js';
import { fileNameOf, formatCount, uploaderOf } from './logText.js';

interface LogFilesTableProps {
  files: readonly LogFileRow[];
  selectedId: number | null;
  onSelect: (file: LogFileRow) => void;
}

function SourceBadge({ source }: { source: string }) {
  const { t } = useTranslation();
  const uploader = uploaderOf(source);
  if (uploader !== null) {
    return (
      <Badge variant="light" color="indigo" size="sm" tt="none">
        {t('logs.files.uploadedBy', { login: uploader })}
      </Badge>
    );
  }
  if (source === '') {
    return (
      <Badge variant="light" color="gray" size="sm" tt="none">
        {t('logs.files.command')}
      </Badge>
    );
  }
  return (
    <Badge variant="outline" color="teal" size="sm" tt="none">
      {source}
    </Badge>
  );
}

/** Imported files, most recently read first; choosing one shows its rejected lines below. */
export function LogFilesTable({ files, selectedId, onSelect }: LogFilesTableProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const n = (value: number) => formatCount(value, lang);
  return (
    <Table.ScrollContainer type="native" minWidth={1000}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('logs.files.name')}</Table.Th>
            <Table.Th w={130}>{t('logs.files.source')}</Table.Th>
            <Table.Th w={170}>{t('logs.files.format')}</Table.Th>
            <Table.Th w={80} ta="right">
              {t('logs.files.lines')}
            </Table.Th>
            <Table.Th w={90} ta="right">
              <Tooltip label={t('logs.files.jobsHint')} withArrow multiline w={240}>
                <span>{t('logs.files.jobs')}</span>
              </Tooltip>
            </Table.Th>
            <Table.Th w={110} ta="right">
              <Tooltip label={t('logs.files.sightingsHint')} withArrow multiline w={240}>
                <span>{t('logs.files.sightings')}</span>
              </Tooltip>
            </Table.Th>
            <Table.Th w={80} ta="right">
              {t('logs.files.rejected')}
            </Table.Th>
            <Table.Th w={185}>{t('logs.files.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((f) => {
            const name = fileNameOf(f.path);
            const selected = f.id === selectedId;
            return (
              <Table.Tr
                key={f.id}
                onClick={() => onSelect(f)}
                bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
                aria-selected={selected}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                      <UnstyledButton
                        fw={600}
                        fz="sm"
                        onClick={(e) => {
                          e.stopPropagation();
                          onSelect(f);
                        }}
                        aria-label={t('logs.files.show', { name })}
                        aria-pressed={selected}
                        title={f.path}
                        style={{ wordBreak: 'break-all' }}
                      >
                        {name}
                      </UnstyledButton>
                      {f.finished ? null : (
                        <Tooltip label={t('logs.files.unfinishedHint')} withArrow multiline w={260}>
                          <Badge size="xs" color="yellow" variant="light">
                            {t('logs.files.unfinished')}
                          </Badge>
                        </Tooltip>
                      )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SourceBadge source={f.source} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatLabel(f.format, t)}</Text>
                  <Text size="xs" c="dimmed">
                    {encodingLabel(f.encoding)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {n(f.lines)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600}>
                  {n(f.jobs)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {n(f.sightings)}
                </Table.Td>
                <Table.Td ta="right">
                  {f.rejected > 0 ? (
                    <Badge color="orange" variant="light" size="md" ff="monospace">
                      {n(f.rejected)}
                    </Badge>
                  ) : (
                    <Text span c="dimmed" ff="monospace" size="sm">
                      0
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatWarekiDateTime(f.updatedAt, lang)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
