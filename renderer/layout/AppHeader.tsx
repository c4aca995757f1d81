import { Badge, Burger, Divider, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, fiscalYearOf } from '../../shared/domain/wareki.js';
import { useHealth, usePositions } from '../api/hooks.js';
import { useCurrentSession } from '../auth/session.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useUiLanguage } from '../i18n/useUiLanguage.js';
import { Brand } from './Brand.js';
import { useLanguagePreference } from './useLanguagePreference.js';
import { NAV_BREAKPOINT } from './navigation.js';
import { UserMenu } from './UserMenu.js';

interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const health = useHealth();
  const positions = usePositions();
  const language = useLanguagePreference();
  const lang = useUiLanguage();

  const position = positions.data?.find((p) => p.id === user.positionId)?.name ?? null;
  // The fiscal year is what every figure and document number in a town hall hangs on.
  const fiscalYear = fiscalYearLabel(fiscalYearOf(new Date()), lang);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom={NAV_BREAKPOINT}
          size="sm"
          aria-label={t('header.toggleNav')}
          aria-expanded={navOpened}
        />
        <Brand />
        {health.data ? (
          <>
            <Divider orientation="vertical" visibleFrom="sm" />
            <Text size="sm" fw={500} truncate visibleFrom="sm">
              {health.data.townName}
            </Text>
          </>
        ) : null}
        <Badge variant="light" color="gray" visibleFrom="md">
          {fiscalYear}
        </Badge>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch value={lang} onChange={language.change} disabled={language.saving} />
        <UserMenu name={user.name} position={position} />
      </Group>
    </Group>
  );
}
