import {
  Autocomplete,
  Button,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  sourceFormatSchema,
  sourceInputSchema,
  type PreviewBody,
  type SourceFormatName,
  type SourceKind,
  type SourceStatus,
} from '../../../../shared/api/index.js';
import type { CallResult } from '../../../api/client.js';
import { useApiMutation, useSites } from '../../../api/hooks.js';
import { queryKeys } from '../../../api/queryKeys.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { isApiError } from '../../../api/ApiError.js';
import { schemaRule } from '../../../forms/rules.js';
import { formFieldOf } from '../../../forms/serverErrors.js';
import { useSaveFeedback } from '../../../forms/useSaveFeedback.js';
import { MappingEditor } from './MappingEditor.js';
import { mappingErrors } from './mappingDraft.js';
import type { Sample } from './sample.js';
import { MappingSummary } from './MappingSummary.js';
import { SamplePicker } from './SamplePicker.js';
import { kindLabel, sourceFormatOptions } from './sourceLabels.js';
import { SourcePreview } from './SourcePreview.js';
import { usePreview, type PreviewRequest } from './useSourceQueries.js';

interface SourceValues {
  name: string;
  kind: SourceKind;
  folder: string;
  glob: string;
  format: SourceFormatName;
  mapping: string | null;
  siteId: string | null;
  polling: boolean;
  pollIntervalMs: number | string;
}

export type SourceCreated = CallResult<typeof api.createSource>;

interface SourceFormProps {
  /** null: a new source. */
  source: SourceStatus | null;
  onDone: () => void;
  /** A new source was added; an agent's token comes with it, once. */
  onCreated: (created: SourceCreated) => void;
}

/** The formats read through a mapping file; the others know their layout. */
export function needsMapping(format: string): format is 'csv' | 'counter' {
  return format === 'csv' || format === 'counter';
}

// Help below each input, so inputs side by side line up whatever the length of their help.
const below = ['label', 'input', 'description', 'error'] as const;

// Paths and patterns are read character by character: monospace in the box, not in its label and help.
const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

// Patterns of the logs Kamiless reads, offered as the user types the glob.
const GLOB_EXAMPLES = ['papercut-print-log-*.csv', 'papercut-print-log-all-time.csv', 'page_log*', 'printlog_*.log', '*.xml', '*.csv'];

/** What the preview is asked for: the picked sample, else (for a folder source) the folder's first matching file. */
function previewRequest(values: SourceValues, sample: Sample | null): PreviewRequest | null {
  const mapping = needsMapping(values.format) ? values.mapping : null;
  // A mapped format without its mapping can only answer "mapping required": wait for the mapping.
  if (needsMapping(values.format) && mapping === null) return null;
  if (sample) return { body: { sample: sample.base64, format: values.format, mapping }, sampleId: sample.id };
  if (values.kind !== 'folder' || values.folder.trim() === '' || values.glob.trim() === '') return null;
  const body: PreviewBody = { folder: values.folder.trim(), glob: values.glob.trim(), format: values.format, mapping };
  return { body, sampleId: null };
}

export function SourceForm({ source, onDone, onCreated }: SourceFormProps) {
  const { t } = useTranslation();
  const shape = sourceInputSchema.shape;
  const sites = useSites();
  const [sample, setSample] = useState<Sample | null>(null);
  const [mappingOpen, setMappingOpen] = useState(false);
  // A fresh editor on every opening: it starts from the mapping as saved in the form.
  const [mappingRound, setMappingRound] = useState(0);

  const form = useForm<SourceValues>({
    initialValues: {
      name: source?.name ?? '',
      kind: source?.kind ?? 'folder',
      folder: source?.folder ?? '',
      glob: source?.glob ?? '',
      format: sourceFormatSchema.safeParse(source?.format).data ?? 'auto',
      mapping: source?.mapping ?? null,
      siteId: source?.siteId != null ? String(source.siteId) : null,
      polling: source?.polling ?? false,
      pollIntervalMs: source?.pollIntervalMs ?? 2000,
    },
    validate: {
      name: schemaRule(shape.name, t('validation.required')),
      glob: schemaRule(shape.glob, t('validation.required')),
      folder: (value, values) =>
        values.kind === 'folder' && value.trim() === '' ? t('logs.sourceForm.folderRequired') : schemaRule(shape.folder, t('validation.tooLong'))(value),
      mapping: (value, values) => {
        if (!needsMapping(values.format)) return null;
        if (value === null || value.trim() === '') return t('logs.sourceForm.mappingRequired');
        return mappingErrors(value, values.format).length > 0 ? t('logs.sourceForm.mappingInvalid') : null;
      },
      pollIntervalMs: (value, values) =>
        values.kind === 'folder' && values.polling && !shape.pollIntervalMs.safeParse(Number(value)).success ? t('logs.sourceForm.intervalRange') : null,
    },
  });

  const invalidate = [queryKeys.printlog];
  const create = useApiMutation(api.createSource, { invalidate });
  const update = useApiMutation(api.updateSource, { invalidate });
  const feedback = useSaveFeedback<SourceStatus>(form, onDone);
  const { formError, clearFormError, onSuccess } = feedback;
  // The hub says what is wrong with a folder, pattern or mapping in its `detail`
  // ("no such folder on this machine: D:\logs"): the generic text alone would not help.
  const onError = (error: unknown) => {
    feedback.onError(error);
    const field = formFieldOf(error, Object.keys(form.getValues()));
    if (field && isApiError(error) && error.detail) {
      form.setFieldError(field, t('logs.sourceForm.invalidDetail', { detail: error.detail }));
    }
  };

  const values = form.getValues();
  const preview = usePreview(previewRequest(values, sample));
  const mappedFormat = needsMapping(values.format) ? values.format : null;
  const mappingProblems = mappedFormat && values.mapping ? mappingErrors(values.mapping, mappedFormat) : [];

  const siteOptions = (sites.data ?? [])
    .filter((s) => s.active || String(s.id) === values.siteId)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((s) => ({ value: String(s.id), label: s.name }));

  const idleMessage = (() => {
    if (needsMapping(values.format) && values.mapping === null) return t('logs.preview.needsMapping');
    if (values.kind === 'agent' && !sample) return t('logs.preview.agentIdle');
    if (!sample && (values.folder.trim() === '' || values.glob.trim() === '')) return t('logs.preview.folderIdle');
    return null;
  })();

  return (
    <>
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        clearFormError();
        const body = {
          name: v.name.trim(),
          kind: v.kind,
          folder: v.folder.trim(),
          glob: v.glob.trim(),
          format: v.format,
          mapping: needsMapping(v.format) ? v.mapping : null,
          siteId: v.siteId === null ? null : Number(v.siteId),
          polling: v.kind === 'folder' && v.polling,
          pollIntervalMs: Number(v.pollIntervalMs) || 1000,
        };
        if (source) {
          update.mutate({ params: { id: source.id }, body }, { onSuccess, onError });
        } else {
          create.mutate(
            { body },
            {
              onSuccess: (created) => {
                onSuccess(created.source);
                onCreated(created);
              },
              onError,
            },
          );
        }
      })}
    >
      <Stack gap="md">
        {formError ? <ErrorAlert error={formError} /> : null}
        <Input.Wrapper
          label={t('logs.sourceForm.kind')}
          description={values.kind === 'folder' ? t('logs.sourceForm.kindFolderHelp') : t('logs.sourceForm.kindAgentHelp')}
          inputWrapperOrder={[...below]}
          error={form.errors['kind']}
        >
          <SegmentedControl
            fullWidth
            mt={4}
            disabled={source !== null}
            aria-label={t('logs.sourceForm.kind')}
            data={(['folder', 'agent'] as const).map((k) => ({ value: k, label: kindLabel(k, t) }))}
            {...form.getInputProps('kind')}
          />
        </Input.Wrapper>
        {source !== null ? (
          <Text size="xs" c="dimmed" mt={-8}>
            {t('logs.sourceForm.kindFixed')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput
            label={t('logs.sourceForm.name')}
            inputWrapperOrder={[...below]}
            description={t('logs.sourceForm.nameHelp')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('logs.sourceForm.site')}
            inputWrapperOrder={[...below]}
            description={t('logs.sourceForm.siteHelp')}
            placeholder={t('logs.sourceForm.siteNone')}
            clearable
            data={siteOptions}
            {...form.getInputProps('siteId')}
          />
        </SimpleGrid>
        <TextInput
          label={values.kind === 'folder' ? t('logs.sourceForm.folder') : t('logs.sourceForm.agentFolder')}
          inputWrapperOrder={[...below]}
          description={values.kind === 'folder' ? t('logs.sourceForm.folderHelp') : t('logs.sourceForm.agentFolderHelp')}
          placeholder={values.kind === 'folder' ? 'D:\\PaperCut Print Logger\\logs\\csv\\daily' : '/var/log/cups'}
          required={values.kind === 'folder'}
          styles={monospaceInput}
          {...form.getInputProps('folder')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <Autocomplete
            label={t('logs.sourceForm.glob')}
            inputWrapperOrder={[...below]}
            description={t('logs.sourceForm.globHelp')}
            required
            data={GLOB_EXAMPLES}
            styles={monospaceInput}
            {...form.getInputProps('glob')}
          />
          <Select
            label={t('logs.sourceForm.format')}
            inputWrapperOrder={[...below]}
            description={t('logs.sourceForm.formatHelp')}
            allowDeselect={false}
            data={sourceFormatOptions(t)}
            {...form.getInputProps('format')}
            onChange={(v) => {
              const parsed = sourceFormatSchema.safeParse(v);
              if (parsed.success) form.setFieldValue('format', parsed.data);
            }}
          />
        </SimpleGrid>
        {values.kind === 'folder' ? (
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Switch
              mt={4}
              label={t('logs.sourceForm.polling')}
              description={t('logs.sourceForm.pollingHelp')}
              maw={420}
              {...form.getInputProps('polling', { type: 'checkbox' })}
            />
            {values.polling ? (
              <NumberInput
                label={t('logs.sourceForm.interval')}
                inputWrapperOrder={[...below]}
                description={t('logs.sourceForm.intervalHelp')}
                min={100}
                max={3_600_000}
                step={500}
                allowDecimal={false}
                thousandSeparator=","
                suffix={t('logs.sourceForm.msSuffix')}
                w={220}
                {...form.getInputProps('pollIntervalMs')}
              />
            ) : null}
          </Group>
        ) : null}
        {mappedFormat ? (
          <MappingSummary
            mapping={values.mapping}
            problems={mappingProblems.length}
            error={form.errors['mapping']}
            onOpen={() => {
              setMappingRound((r) => r + 1);
              setMappingOpen(true);
            }}
          />
        ) : null}
        <Input.Wrapper label={t('logs.sample.label')}>
          <SamplePicker
            sample={sample}
            onChange={setSample}
            hint={values.kind === 'folder' ? t('logs.sample.folderHint') : t('logs.sample.agentHint')}
          />
        </Input.Wrapper>
        <SourcePreview preview={preview} idleMessage={idleMessage} id="source-preview-title" />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {source ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
      {/* Outside the form: events bubble through portals, and the editor's Enter must not submit the source. */}
      {mappedFormat ? (
        <MappingEditor
          key={mappingRound}
          opened={mappingOpen}
          format={mappedFormat}
          initialText={values.mapping}
          sample={sample}
          folder={values.kind === 'folder' ? values.folder.trim() : ''}
          glob={values.glob.trim()}
          onClose={() => setMappingOpen(false)}
          onApply={(text, picked) => {
            form.setFieldValue('mapping', text);
            form.clearFieldError('mapping');
            if (picked) setSample(picked);
            setMappingOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
