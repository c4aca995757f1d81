import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../shared/api/index.js';

interface LanguageSwitchProps {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
}

// Each language is named in itself, so someone who cannot read the other one still finds theirs.
const options = [
  { value: 'ja', label: '日本語' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch({ value, onChange, disabled }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      data={options}
      value={value}
      disabled={disabled ?? false}
      aria-label={t('language.label')}
      onChange={(next) => {
        const parsed = languageSchema.safeParse(next);
        if (parsed.success) onChange(parsed.data);
      }}
    />
  );
}
