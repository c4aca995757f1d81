import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HOME_PATH } from '../../auth/redirect.js';

/** Shown when a signed-in user opens a page their role does not allow (the 403 of the UI). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('forbidden.title')} | 紙レス Kamiless`;
  }, [t]);
  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" mt="xl">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="orange">
          <IconLock size={28} aria-hidden />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t('forbidden.title')}
        </Title>
        <Text c="dimmed">{t('forbidden.body')}</Text>
        <Button component={Link} to={HOME_PATH} variant="light">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Paper>
  );
}
