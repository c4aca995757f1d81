import { Alert, Button, Group, NumberInput, Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, kpiMeasureSchema, type KpiYear } from '../../../shared/api/index.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { useApiMutation } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSaveFeedback } from '../../forms/useSaveFeedback.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { baselineYearOptions } from './paperData.js';
import { ownFieldError, settingsBody, settingsValues, sheetCount, type BaselineKind, type SettingsValues } from './paperForms.js';
import { measureLabel } from './paperText.js';

interface KpiSettingsFormProps {
  settings: KpiYear;
  /** All years with settings: where the baseline picker starts. */
  years: readonly KpiYear[];
  onDone: () => void;
}

/**
 * A fiscal year's target, measure, baseline and sheet basis. The server
 * checks the same rules (a baseline year before this one, a source for a
 * typed figure, a target ≥ 0) and its refusals land under their inputs.
 */
export function KpiSettingsForm({ settings, years, onDone }: KpiSettingsFormProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const fy = settings.fiscalYear;
  const form = useForm<SettingsValues>({
    initialValues: settingsValues(settings),
    validate: {
      target: (v) => (typeof v === 'string' && v.trim() === '') || sheetCount(v) !== null ? null : t('paper.settings.error.target'),
      baselineYear: (v, values) => (values.baselineKind !== 'year' || v !== null ? null : t('paper.settings.error.baselineYear')),
      baselineSheets: (v, values) => (values.baselineKind !== 'figure' || sheetCount(v) !== null ? null : t('paper.settings.error.baselineSheets')),
      baselineSource: (v, values) => (values.baselineKind !== 'figure' || v.trim() !== '' ? null : t('paper.settings.error.baselineSource')),
    },
  });
  const save = useApiMutation(api.setKpiYear, { invalidate: [queryKeys.kpi] });
  const label = fiscalYearLabel(fy, lang);
  const feedback = useSaveFeedback<{ name: string }>(form, onDone);
  const onError = (error: unknown) => {
    const own = ownFieldError(error, Object.keys(form.getValues()), (field, code) => {
      if (code !== 'validation') return null;
      switch (field) {
        case 'target':
          return t('paper.settings.error.target');
        case 'baselineYear':
          return t('paper.settings.error.baselineYearBefore', { year: label });
        case 'baselineSheets':
          return t('paper.settings.error.baselineSheets');
        case 'baselineSource':
          return t('paper.settings.error.baselineSource');
        default:
          return null;
      }
    });
    if (own) form.setFieldError(own.field, own.message);
    else feedback.onError(error);
  };
  const kind = form.getValues().baselineKind;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        feedback.clearFormError();
        save.mutate({ body: settingsBody(fy, values) }, { onSuccess: () => feedback.onSuccess({ name: label }), onError });
      })}
    >
      <Stack>
        {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
        {settings.stored ? null : (
          <Alert color="blue" variant="light">
            {t('paper.settings.carried')}
          </Alert>
        )}
        <NumberInput
          label={t('paper.settings.target')}
          description={t('paper.settings.targetHint')}
          placeholder={t('paper.settings.targetNone')}
          min={0}
          // Not clamped: a typed −5 silently becoming 0 would save a target nobody chose; the rule above says what is wrong.
          clampBehavior="none"
          allowDecimal={false}
          thousandSeparator=","
          suffix={t('paper.unit.sheetsSuffix')}
          data-autofocus
          {...form.getInputProps('target')}
        />
        <Select
          label={t('paper.settings.measure')}
          description={t('paper.settings.measureHint')}
          allowDeselect={false}
          data={kpiMeasureSchema.options.map((m) => ({ value: m, label: measureLabel(m, t) }))}
          {...form.getInputProps('measure')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="paper-baseline-kind">
            {t('paper.settings.baseline')}
          </Text>
          <SegmentedControl
            aria-labelledby="paper-baseline-kind"
            fullWidth
            data={[
              { value: 'year', label: t('paper.settings.baselineKind.year') },
              { value: 'figure', label: t('paper.settings.baselineKind.figure') },
              { value: 'none', label: t('paper.settings.baselineKind.none') },
            ]}
            value={kind}
            onChange={(v) => form.setFieldValue('baselineKind', v as BaselineKind)}
          />
          {kind === 'year' ? (
            <Select
              label={t('paper.settings.baselineYear')}
              description={t('paper.settings.baselineYearHint')}
              data={baselineYearOptions(fy, years).map((y) => ({ value: String(y), label: fiscalYearLabel(y, lang) }))}
              allowDeselect={false}
              {...form.getInputProps('baselineYear')}
            />
          ) : null}
          {kind === 'figure' ? (
            <Group grow align="flex-start">
              <NumberInput
                label={t('paper.settings.baselineSheets')}
                min={0}
                clampBehavior="none"
                allowDecimal={false}
                thousandSeparator=","
                suffix={t('paper.unit.sheetsSuffix')}
                {...form.getInputProps('baselineSheets')}
              />
              <TextInput
                label={t('paper.settings.baselineSource')}
                placeholder={t('paper.settings.baselineSourceHint')}
                {...form.getInputProps('baselineSource')}
              />
            </Group>
          ) : null}
          {kind === 'none' ? (
            <Text size="xs" c="dimmed">
              {t('paper.settings.baselineNoneHint')}
            </Text>
          ) : null}
        </Stack>
        <Radio.Group label={t('paper.settings.basis')} {...form.getInputProps('sheetBasis')}>
          <Stack gap={6} mt={6}>
            <Radio value="sheets" label={t('paper.basis.sheets')} />
            <Radio value="a4-equivalent" label={t('paper.basis.a4')} />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
