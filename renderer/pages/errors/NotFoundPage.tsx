import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HOME_PATH } from '../../auth/redirect.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" mt="xl">
      <Stack align="center" gap="sm" ta="center">
        <Title order={2} fz="h3">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to={HOME_PATH} variant="light">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Paper>
  );
}
