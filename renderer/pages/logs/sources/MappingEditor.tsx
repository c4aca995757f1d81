import {
  Accordion,
  Alert,
  Box,
  Button,
  Group,
  Input,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingFormat } from '../../../../shared/domain/printlog/mapping.js';
import { AppModal } from '../../../components/AppModal.js';
import { FormatField } from './FormatField.js';
import { MappingColumns } from './MappingColumns.js';
import { MappingReading } from './MappingReading.js';
import {
  columnErrors,
  draftFromText,
  emptyDraft,
  mappingErrors,
  mappingText,
  probeMappingText,
  wordLists,
  type MappingDraft,
} from './mappingDraft.js';
import { columnChoices, columnIndex, distinctWords, guessColumns, sampleCell } from './sampleColumns.js';
import type { Sample } from './sample.js';
import { SamplePicker } from './SamplePicker.js';
import { SourcePreview } from './SourcePreview.js';
import { usePreview, type PreviewRequest } from './useSourceQueries.js';
import { WordTable } from './WordTable.js';

interface MappingEditorProps {
  opened: boolean;
  format: MappingFormat;
  /** The mapping saved in the source form, null for a new one. */
  initialText: string | null;
  sample: Sample | null;
  /** A folder source's folder and glob: without a sample, the hub previews the folder's first file. */
  folder: string;
  glob: string;
  onClose: () => void;
  /** The valid mapping's text, and the sample picked here (so the source form previews it too). */
  onApply: (text: string, sample: Sample | null) => void;
}

interface EditorStart {
  draft: MappingDraft;
  jsonMode: boolean;
  jsonText: string;
}

function start(format: MappingFormat, initialText: string | null): EditorStart {
  if (initialText === null) return { draft: emptyDraft(format), jsonMode: false, jsonText: '' };
  const read = draftFromText(initialText, format);
  // A file the inputs cannot show opens as text, where the validator says what is wrong.
  if (!read.ok) return { draft: emptyDraft(format), jsonMode: true, jsonText: initialText };
  if (read.draft.format !== format) {
    // The source's format changed (csv ↔ counter): keep how the file is read, start the columns afresh.
    const { encoding, delimiter, headerRow } = read.draft;
    return { draft: { ...emptyDraft(format), encoding, delimiter, headerRow }, jsonMode: false, jsonText: '' };
  }
  return { draft: read.draft, jsonMode: false, jsonText: initialText };
}

/**
 * Builds a mapping file for a `csv` job log or a `counter` report from a
 * sample: how the file is read, which column is which, how times and the
 * 両面/カラー words are written. The JSON is validated by the importer's own
 * rules as it is built, and the preview shows the parsed rows before it is used.
 */
export function MappingEditor(props: MappingEditorProps) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 62em)');
  const [initial] = useState(() => start(props.format, props.initialText));
  const [draft, setDraft] = useState<MappingDraft>(initial.draft);
  const [jsonMode, setJsonMode] = useState(initial.jsonMode);
  const [jsonText, setJsonText] = useState(initial.jsonText);
  const [jsonStuck, setJsonStuck] = useState(false);
  const [sample, setSample] = useState<Sample | null>(props.sample);

  const text = jsonMode ? jsonText : mappingText(draft);
  const errors = useMemo(() => mappingErrors(text, props.format), [text, props.format]);
  const valid = errors.length === 0;
  // In JSON mode the text decides how the sample is split, when the inputs can show it.
  const shape = useMemo(() => {
    if (!jsonMode) return draft;
    const read = draftFromText(jsonText, props.format);
    return read.ok ? read.draft : draft;
  }, [jsonMode, jsonText, draft, props.format]);

  const source = sample ? { sample: sample.base64 } : props.folder !== '' && props.glob !== '' ? { folder: props.folder, glob: props.glob } : null;
  const request: PreviewRequest | null = source
    ? { body: { ...source, format: props.format, mapping: valid ? text : probeMappingText(shape) }, sampleId: sample?.id ?? null }
    : null;
  const preview = usePreview(props.opened ? request : null);
  const lines = preview.data?.lines ?? [];
  const choices = columnChoices(lines, shape);
  const fieldErrors = columnErrors(errors);

  const update = (patch: Partial<MappingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const toggleJson = (on: boolean) => {
    if (on) {
      setJsonText(mappingText(draft));
      setJsonMode(true);
      setJsonStuck(false);
      return;
    }
    const read = draftFromText(jsonText, props.format);
    if (!read.ok || read.draft.format !== props.format) {
      setJsonStuck(true);
      return;
    }
    setDraft(read.draft);
    setJsonMode(false);
    setJsonStuck(false);
  };

  const errorOf = (key: string) => errors.filter((e) => e.startsWith(`${key}:`)).map((e) => e.slice(key.length + 1).trim()).join('; ') || undefined;

  return (
    <AppModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.format === 'csv' ? t('logs.mapping.titleCsv') : t('logs.mapping.titleCounter')}
      size={1100}
      fullScreen={narrow ?? false}
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {props.format === 'csv' ? t('logs.mapping.introCsv') : t('logs.mapping.introCounter')}
        </Text>
        <Input.Wrapper label={t('logs.sample.label')}>
          <SamplePicker sample={sample} onChange={setSample} hint={props.folder !== '' ? t('logs.mapping.folderSampleHint') : t('logs.mapping.sampleHint')} />
        </Input.Wrapper>

        <MappingReading draft={draft} headerRow={shape.headerRow} lines={lines} disabled={jsonMode} errorOf={errorOf} onChange={update} />

        <MappingColumns
          draft={draft}
          choices={choices}
          errors={fieldErrors}
          disabled={jsonMode}
          onChange={(field, ref) =>
            setDraft((d) => {
              const columns = { ...d.columns };
              if (ref === undefined) delete columns[field];
              else columns[field] = ref;
              return { ...d, columns };
            })
          }
          onGuess={() => setDraft((d) => ({ ...d, columns: guessColumns(d, choices) }))}
        />

        {draft.format === 'csv' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <FormatField
              need="datetime"
              value={draft.timeFormat}
              onChange={(v) => update({ timeFormat: v })}
              cell={sampleCell(choices, shape, 'time')}
              timeZone={draft.timeZone}
              disabled={jsonMode}
              error={errorOf('timeFormat')}
            />
            <TextInput
              label={t('logs.mapping.timeZone')}
              description={t('logs.mapping.timeZoneHelp')}
              placeholder="Asia/Tokyo"
              value={draft.timeZone}
              onChange={(e) => update({ timeZone: e.currentTarget.value })}
              disabled={jsonMode}
              error={errorOf('timeZone')}
            />
            <Radio.Group
              label={t('logs.mapping.pagesMean')}
              value={draft.pagesMean}
              onChange={(v) => update({ pagesMean: v === 'total' ? 'total' : 'per-copy' })}
              error={errorOf('pagesMean')}
            >
              <Stack gap={4} mt={4}>
                <Radio value="per-copy" label={t('logs.mapping.pagesPerCopy')} disabled={jsonMode} />
                <Radio value="total" label={t('logs.mapping.pagesTotal')} disabled={jsonMode} />
              </Stack>
            </Radio.Group>
          </SimpleGrid>
        ) : (
          <Box maw={420}>
            <FormatField
              need="month"
              value={draft.monthFormat}
              onChange={(v) => update({ monthFormat: v })}
              cell={sampleCell(choices, shape, 'month')}
              timeZone=""
              disabled={jsonMode}
              error={errorOf('monthFormat')}
            />
          </Box>
        )}

        {draft.format === 'csv' && wordLists.some((l) => draft.columns[l] !== undefined) ? (
          <section aria-labelledby="mapping-values-title">
            <Title order={4} fz="md" id="mapping-values-title">
              {t('logs.mapping.valuesTitle')}
            </Title>
            <Text size="xs" c="dimmed" mb={4}>
              {t('logs.mapping.valuesHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {wordLists.map((list) => {
                const ref = draft.columns[list];
                if (ref === undefined) return null;
                const index = columnIndex(choices, ref);
                return (
                  <WordTable
                    key={list}
                    list={list}
                    rows={draft.values[list]}
                    sampleWords={index === -1 ? [] : distinctWords(lines, shape, index)}
                    disabled={jsonMode}
                    onChange={(rows) => setDraft((d) => ({ ...d, values: { ...d.values, [list]: rows } }))}
                  />
                );
              })}
            </SimpleGrid>
          </section>
        ) : null}

        <Accordion variant="contained" defaultValue={initial.jsonMode ? 'json' : null}>
          <Accordion.Item value="json">
            <Accordion.Control>{t('logs.mapping.jsonTitle')}</Accordion.Control>
            <Accordion.Panel>
              <Switch
                label={t('logs.mapping.jsonEdit')}
                description={t('logs.mapping.jsonEditHelp')}
                checked={jsonMode}
                onChange={(e) => toggleJson(e.currentTarget.checked)}
                mb="xs"
              />
              {jsonStuck ? (
                <Text size="xs" c="red" mb={4} role="alert">
                  {t('logs.mapping.jsonStuck')}
                </Text>
              ) : null}
              <Textarea
                aria-label={t('logs.mapping.jsonLabel')}
                value={text}
                readOnly={!jsonMode}
                onChange={(e) => setJsonText(e.currentTarget.value)}
                autosize
                minRows={8}
                maxRows={22}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
                spellCheck={false}
              />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>

        {valid ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={t('logs.mapping.valid')}>
            {t('logs.mapping.validHelp')}
          </Alert>
        ) : (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('logs.mapping.invalid', { n: errors.length })}>
            <List size="xs" spacing={2} ff="monospace">
              {errors.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          </Alert>
        )}

        <SourcePreview
          preview={preview}
          idleMessage={request === null ? t('logs.mapping.previewIdle') : null}
          rowsHiddenMessage={valid ? null : t('logs.mapping.rowsHidden')}
          id="mapping-preview-title"
        />

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => props.onApply(text, sample)} disabled={!valid}>
            {t('logs.mapping.apply')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
