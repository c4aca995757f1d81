import { Button, Group, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ColumnRef } from '../../../../shared/domain/printlog/mapping.js';
import { fieldsOf, isRequiredField, type ColumnField, type MappingDraft } from './mappingDraft.js';
import { columnIndex, refFromKey, refKey, type ColumnChoice } from './sampleColumns.js';
import { columnFieldLabel } from './sourceLabels.js';

interface MappingColumnsProps {
  draft: MappingDraft;
  choices: readonly ColumnChoice[];
  /** The validator's problems per field (`columns.pages: required`). */
  errors: Partial<Record<ColumnField, string[]>>;
  disabled: boolean;
  onChange: (field: ColumnField, ref: ColumnRef | undefined) => void;
  onGuess: () => void;
}

/**
 * One select per field of the mapping; the options are the sample's columns,
 * named by their header and recognisable by the first row's value.
 */
export function MappingColumns({ draft, choices, errors, disabled, onChange, onGuess }: MappingColumnsProps) {
  const { t } = useTranslation();

  const optionLabel = (c: ColumnChoice): string => {
    const name = c.header !== '' ? c.header : t('logs.mapping.columnNumber', { n: c.number });
    return c.example !== '' ? t('logs.mapping.columnOption', { name, example: c.example }) : name;
  };
  const baseOptions = choices.map((c) => ({ value: refKey(c.ref), label: optionLabel(c) }));

  return (
    <section aria-labelledby="mapping-columns-title">
      <Group justify="space-between" align="flex-end" mb={4} gap="xs">
        <div>
          <Title order={4} fz="md" id="mapping-columns-title">
            {t('logs.mapping.columnsTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {draft.format === 'csv' ? t('logs.mapping.columnsHelpCsv') : t('logs.mapping.columnsHelpCounter')}
          </Text>
        </div>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconWand size={16} aria-hidden />}
          onClick={onGuess}
          disabled={disabled || choices.every((c) => c.header === '')}
        >
          {t('logs.mapping.guess')}
        </Button>
      </Group>
      {choices.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('logs.mapping.noColumns')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        {fieldsOf(draft.format).map((field) => {
          const ref = draft.columns[field];
          // A column the mapping names but the sample does not have (another sample, a typo) stays choosable, marked.
          const missing = ref !== undefined && columnIndex(choices, ref) === -1;
          const data = missing
            ? [...baseOptions, { value: refKey(ref), label: t('logs.mapping.columnMissing', { name: String(ref) }) }]
            : baseOptions;
          const problems = errors[field];
          return (
            <Select
              key={field}
              label={columnFieldLabel(field, t)}
              withAsterisk={isRequiredField(draft.format, field)}
              placeholder={t('logs.mapping.columnNone')}
              data={data}
              value={ref === undefined ? null : missing ? refKey(ref) : refKey(choices[columnIndex(choices, ref)]?.ref ?? ref)}
              onChange={(value) => onChange(field, value === null ? undefined : (refFromKey(value) ?? undefined))}
              clearable
              searchable
              disabled={disabled}
              error={problems ? problems.join('; ') : undefined}
              comboboxProps={{ withinPortal: true }}
            />
          );
        })}
      </SimpleGrid>
    </section>
  );
}
