import { Badge, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.js';

interface ComingSoonProps {
  title: string;
  icon: ReactNode;
  /** One sentence saying what this page will do, so testers know what to expect. */
  description: string;
}

export function ComingSoon({ title, icon, description }: ComingSoonProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl" radius="md">
        <Stack align="center" gap="sm" maw={560} mx="auto" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            {icon}
          </ThemeIcon>
          <Badge variant="light" color="gray">
            {t('comingSoon.badge')}
          </Badge>
          <Text>{description}</Text>
        </Stack>
      </Paper>
    </>
  );
}
