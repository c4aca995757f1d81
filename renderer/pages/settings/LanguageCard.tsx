import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useUiLanguage } from '../../i18n/useUiLanguage.js';
import { useLanguagePreference } from '../../layout/useLanguagePreference.js';

export function LanguageCard() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const preference = useLanguagePreference();
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} fz="h4" mb={4}>
        {t('language.label')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.language.help')}
      </Text>
      <LanguageSwitch value={lang} onChange={preference.change} disabled={preference.saving} />
    </Paper>
  );
}
