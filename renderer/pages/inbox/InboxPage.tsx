import { Badge, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { useInbox } from '../case/useCase.js';
import { CaseBoxTab } from './CaseBoxTab.js';
import classes from './Inbox.module.css';
import { InboxTab } from './InboxTab.js';

const TABS = ['inbox', 'mine', 'department', 'review'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => value !== null && (TABS as readonly string[]).includes(value);

/**
 * /inbox: 受信箱 (what waits for me), and the case lists 自分の起案, 所属の
 *案件 and 後閲 as tabs; the tab is in the address (?tab=) so Back returns to it.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = isTab(raw) ? raw : 'inbox';
  const inbox = useInbox();
  const count = inbox.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('nav.inbox')} description={t('desk.description')} />
      <Tabs
        value={tab}
        onChange={(v) => {
          if (!isTab(v)) return;
          setParams(v === 'inbox' ? {} : { tab: v }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List className={classes.tabs}>
          <Tabs.Tab value="inbox" rightSection={count > 0 ? <Badge size="sm" circle={count < 10}>{count}</Badge> : null}>
            {t('desk.tab.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="mine">{t('desk.tab.mine')}</Tabs.Tab>
          <Tabs.Tab value="department">{t('desk.tab.department')}</Tabs.Tab>
          <Tabs.Tab value="review">{t('desk.tab.review')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox" pt="md">
          <InboxTab />
        </Tabs.Panel>
        <Tabs.Panel value="mine" pt="md">
          <CaseBoxTab box="mine" />
        </Tabs.Panel>
        <Tabs.Panel value="department" pt="md">
          <CaseBoxTab box="department" />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <CaseBoxTab box="review" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
