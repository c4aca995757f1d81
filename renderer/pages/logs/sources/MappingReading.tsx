import { Box, NumberInput, ScrollArea, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { normalizeMappingEncoding } from '../../../../shared/domain/printlog/mapping.js';
import type { MappingDraft } from './mappingDraft.js';
import { delimiterOptions, encodingOptions } from './sourceLabels.js';

interface MappingReadingProps {
  draft: MappingDraft;
  /** The header row in force (the JSON's, while it is edited directly), marked in the lines. */
  headerRow: number;
  /** The sample's first lines, decoded by the hub. */
  lines: readonly string[];
  disabled: boolean;
  /** The validator's problem for a top-level key, if any. */
  errorOf: (key: string) => string | undefined;
  onChange: (patch: Partial<MappingDraft>) => void;
}

/** How the file is read (encoding, delimiter, header row), beside its first lines so the header row can be seen. */
export function MappingReading({ draft, headerRow, lines, disabled, errorOf, onChange }: MappingReadingProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mapping-reading-title">
      <Title order={4} fz="md" id="mapping-reading-title" mb={4}>
        {t('logs.mapping.readingTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('logs.mapping.encoding')}
          allowDeselect={false}
          data={encodingOptions(t)}
          value={draft.encoding}
          onChange={(v) => onChange({ encoding: v === null || v === 'auto' ? 'auto' : (normalizeMappingEncoding(v) ?? 'auto') })}
          disabled={disabled}
          error={errorOf('encoding')}
        />
        <Select
          label={t('logs.mapping.delimiter')}
          allowDeselect={false}
          data={delimiterOptions(t)}
          value={draft.delimiter}
          onChange={(v) => onChange({ delimiter: v ?? ',' })}
          disabled={disabled}
          error={errorOf('delimiter')}
        />
        <NumberInput
          label={t('logs.mapping.headerRow')}
          description={t('logs.mapping.headerRowHelp')}
          // Help below, so this input lines up with the two selects beside it.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          min={0}
          max={100}
          allowDecimal={false}
          value={draft.headerRow}
          onChange={(v) => onChange({ headerRow: typeof v === 'number' && v >= 0 ? Math.floor(v) : 0 })}
          disabled={disabled}
          error={errorOf('headerRow')}
        />
      </SimpleGrid>
      {lines.length > 0 ? (
        <Box mt="xs">
          <Text size="xs" c="dimmed" mb={2} id="mapping-lines-title">
            {t('logs.mapping.linesTitle')}
          </Text>
          <ScrollArea.Autosize mah={150} type="auto" aria-labelledby="mapping-lines-title">
            <Box component="ol" m={0} p={0} ff="monospace" fz="xs" style={{ listStyle: 'none' }}>
              {lines.slice(0, 8).map((line, i) => (
                <Box
                  component="li"
                  key={i}
                  px={6}
                  bg={i + 1 === headerRow ? 'var(--mantine-color-blue-light)' : undefined}
                  style={{ whiteSpace: 'pre', borderRadius: 3 }}
                >
                  <Text span inherit c="dimmed" mr={8}>
                    {String(i + 1).padStart(2, ' ')}
                  </Text>
                  {line}
                  {i + 1 === headerRow ? (
                    <Text span inherit c="blue.8" ml={8}>
                      {t('logs.mapping.headerMark')}
                    </Text>
                  ) : null}
                </Box>
              ))}
            </Box>
          </ScrollArea.Autosize>
        </Box>
      ) : null}
    </section>
  );
}
