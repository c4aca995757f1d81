import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, type NameMap } from '../../../shared/api/index.js';
import { useApiMutation, useDepartments, useSites } from '../../api/hooks.js';
import { queryKeys } from '../../api/queryKeys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSaveFeedback } from '../../forms/useSaveFeedback.js';
import { DepartmentSelect } from '../admin/departments/DepartmentSelect.js';
import { buildDepartmentTree } from '../admin/departments/departmentTree.js';
import { ownFieldError, patternProblem, ruleBody, type RuleValues } from './paperForms.js';
import { assertNever } from '../../lib/assertNever.js';
import { ruleKindLabel, subjectLabel } from './paperText.js';

interface RuleFormProps {
  initial: RuleValues;
  /** Fixed when the rule is made from a name of the list: the name says what it is. */
  subjectFixed: boolean;
  onDone: () => void;
}

const KINDS: readonly NameMap['kind'][] = ['exact', 'prefix', 'suffix', 'regex'];

/** The server's refusal of a pattern, in the UI language. */
function patternMessage(detail: string | undefined, t: TFunction): string {
  const problem = patternProblem(detail);
  switch (problem.kind) {
    case 'invalid':
      return t('paper.rule.error.invalid', { detail: problem.detail });
    case 'unsafe':
      return t('paper.rule.error.unsafe');
    case 'tooLong':
      return t('paper.rule.error.tooLong');
    case 'other':
      return t('paper.rule.error.pattern', { detail: problem.detail });
    default:
      return assertNever(problem);
  }
}

/**
 * A rule placing log names: a user name in a department, a printer name in a
 * site and/or a department. The figures follow as soon as it is saved (every
 * kpi query is refetched). A pattern the server cannot compile, or one that
 * could hang (nested quantifiers), is refused with the reason under the field.
 */
export function RuleForm({ initial, subjectFixed, onDone }: RuleFormProps) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const sites = useSites();
  const form = useForm<RuleValues>({
    initialValues: initial,
    validate: {
      pattern: (v) => (v.trim() === '' ? t('validation.required') : null),
      departmentId: (v, values) => (v !== null || (values.subject === 'printer' && values.siteId !== null) ? null : t('paper.rule.error.target')),
    },
  });
  const values = form.getValues();
  const create = useApiMutation(api.createNameMap, { invalidate: [queryKeys.kpi] });
  const feedback = useSaveFeedback<{ name: string }>(form, onDone);
  const onError = (error: unknown) => {
    const own = ownFieldError(error, Object.keys(values), (field, code, detail) => {
      if (field === 'pattern' && code === 'validation') return patternMessage(detail, t);
      if (field === 'pattern' && code === 'duplicate') return t('paper.rule.error.duplicate');
      if (field === 'departmentId' && code === 'validation') return t('paper.rule.error.target');
      return null;
    });
    if (own) form.setFieldError(own.field, own.message);
    else feedback.onError(error);
  };
  const nodes = buildDepartmentTree(departments.data ?? []).filter((n) => n.department.active);
  const siteOptions = (sites.data ?? []).filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name }));

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        feedback.clearFormError();
        const body = ruleBody(v);
        create.mutate({ body }, { onSuccess: () => feedback.onSuccess({ name: body.pattern }), onError });
      })}
    >
      <Stack>
        {feedback.formError ? <ErrorAlert error={feedback.formError} /> : null}
        {departments.error ? <ErrorAlert error={departments.error} /> : null}
        {subjectFixed ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('paper.rule.subject')}:{' '}
            </Text>
            {subjectLabel(values.subject, t)}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="paper-rule-subject">
              {t('paper.rule.subject')}
            </Text>
            <SegmentedControl
              aria-labelledby="paper-rule-subject"
              value={values.subject}
              onChange={(v) => form.setFieldValue('subject', v === 'printer' ? 'printer' : 'user')}
              data={[
                { value: 'user', label: subjectLabel('user', t) },
                { value: 'printer', label: subjectLabel('printer', t) },
              ]}
            />
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="paper-rule-kind">
            {t('paper.rule.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="paper-rule-kind"
            fullWidth
            value={values.kind}
            onChange={(v) => form.setFieldValue('kind', KINDS.find((k) => k === v) ?? 'exact')}
            data={KINDS.map((k) => ({ value: k, label: ruleKindLabel(k, t) }))}
          />
        </Stack>
        <TextInput
          label={t('paper.rule.pattern')}
          description={values.kind === 'regex' ? t('paper.rule.patternHintRegex') : t('paper.rule.patternHint')}
          required
          spellCheck={false}
          autoCapitalize="none"
          data-autofocus
          {...form.getInputProps('pattern')}
        />
        <DepartmentSelect
          label={t('paper.rule.department')}
          description={values.subject === 'printer' ? t('paper.rule.departmentHintPrinter') : t('paper.rule.departmentHintUser')}
          placeholder={t('paper.rule.choose')}
          nodes={nodes}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          required={values.subject === 'user'}
          {...form.getInputProps('departmentId')}
        />
        {values.subject === 'printer' ? (
          <Select
            label={t('paper.rule.site')}
            description={t('paper.rule.siteHint')}
            placeholder={t('paper.rule.choose')}
            data={siteOptions}
            clearable
            {...form.getInputProps('siteId')}
          />
        ) : null}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('paper.rule.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
