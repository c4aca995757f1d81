import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { Language } from '../../shared/api/index.js';
import { applyLanguage } from '../i18n/language.js';
import { useUiLanguage } from '../i18n/useUiLanguage.js';
import { Brand } from '../layout/Brand.js';
import { LanguageSwitch } from './LanguageSwitch.js';

interface AuthFrameProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of the screens before sign-in. The language choice here is only
 * remembered on this device, as nobody is signed in yet.
 */
export function AuthFrame({ title, subtitle, children }: AuthFrameProps) {
  const lang = useUiLanguage();
  useEffect(() => {
    document.title = `${title} | 紙レス Kamiless`;
  }, [title]);

  return (
    <Box mih="100vh" bg="gray.0" p="md">
      <Group justify="flex-end">
        <LanguageSwitch value={lang} onChange={(next: Language) => void applyLanguage(next)} />
      </Group>
      <Center mih="calc(100vh - 80px)">
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
          <Stack gap="lg">
            <Stack gap={6}>
              <Brand />
              <Title order={1} fz="h3" mt="sm">
                {title}
              </Title>
              {subtitle ? (
                <Text size="sm" c="dimmed">
                  {subtitle}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
