import { ActionIcon, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type WordList, type WordRow } from './mappingDraft.js';
import { withSampleWords } from './sampleColumns.js';
import { wordListTitle } from './sourceLabels.js';

interface WordTableProps {
  list: WordList;
  rows: readonly WordRow[];
  /** The different words of this column in the sample. */
  sampleWords: readonly string[];
  disabled: boolean;
  onChange: (rows: WordRow[]) => void;
}

/**
 * The words a log writes in its 両面 / カラー / 集約 column and what each
 * means. Empty = the importer's built-in words; once listed, only these words
 * are accepted, so a new word in the log is rejected instead of guessed.
 */
export function WordTable({ list, rows, sampleWords, disabled, onChange }: WordTableProps) {
  const { t } = useTranslation();
  const title = wordListTitle(list, t);
  const set = (i: number, row: WordRow) => onChange(rows.map((r, k) => (k === i ? row : r)));
  const missing = sampleWords.filter((w) => !rows.some((r) => r.word.trim() === w));

  return (
    <Paper withBorder radius="sm" p="xs">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Group gap={4}>
          <Button
            size="compact-xs"
            variant="light"
            disabled={disabled || missing.length === 0}
            onClick={() => onChange(withSampleWords(rows, list, sampleWords))}
          >
            {t('logs.mapping.values.fromSample', { n: missing.length })}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={disabled}
            onClick={() => onChange([...rows, { word: '', value: list === 'nup' ? 1 : false }])}
          >
            {t('logs.mapping.values.add')}
          </Button>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('logs.mapping.values.builtIn')}
        </Text>
      ) : (
        <Stack gap={4}>
          {rows.map((row, i) => {
            const wordLabel = t('logs.mapping.values.word', { list: title, n: i + 1 });
            return (
              <Group key={i} gap="xs" wrap="nowrap" align="center">
                <TextInput
                  aria-label={wordLabel}
                  placeholder={t('logs.mapping.values.wordPlaceholder')}
                  value={row.word}
                  onChange={(e) => set(i, { ...row, word: e.currentTarget.value })}
                  disabled={disabled}
                  size="xs"
                  style={{ flex: 1, minWidth: 0 }}
                />
                <Text size="xs" c="dimmed" aria-hidden>
                  →
                </Text>
                {list === 'nup' ? (
                  <NumberInput
                    aria-label={t('logs.mapping.values.meaning', { word: row.word })}
                    value={typeof row.value === 'number' ? row.value : 1}
                    onChange={(v) => set(i, { ...row, value: typeof v === 'number' && v >= 1 ? Math.floor(v) : 1 })}
                    min={1}
                    max={64}
                    allowDecimal={false}
                    disabled={disabled}
                    size="xs"
                    w={90}
                  />
                ) : (
                  <SegmentedControl
                    aria-label={t('logs.mapping.values.meaning', { word: row.word })}
                    size="xs"
                    value={row.value === true ? 'true' : 'false'}
                    onChange={(v) => set(i, { ...row, value: v === 'true' })}
                    disabled={disabled}
                    data={
                      list === 'duplex'
                        ? [
                            { value: 'true', label: t('logs.preview.duplex') },
                            { value: 'false', label: t('logs.preview.simplex') },
                          ]
                        : [
                            { value: 'true', label: t('logs.preview.color') },
                            { value: 'false', label: t('logs.preview.mono') },
                          ]
                    }
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('logs.mapping.values.remove', { word: row.word })}
                  onClick={() => onChange(rows.filter((_, k) => k !== i))}
                  disabled={disabled}
                >
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
