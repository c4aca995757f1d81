import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox } from '../case/useCase.js';
import { caseName, noticeColor, noticeTitle, parseCaseEvent, titleWithCount } from './caseNotices.js';
import { desktopCaseNotice, desktopInboxCount } from './deskBridge.js';

/** Keeps "(3) " in front of the tab title (whatever the page names itself) and the desktop badge in step with the inbox. */
function useInboxCountInTitle(): void {
  const inbox = useInbox();
  const count = inbox.data?.total ?? 0;
  useEffect(() => {
    const apply = () => {
      const wanted = titleWithCount(document.title, count);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    desktopInboxCount(count);
    // Pages set their own title as they open: put the count back in front each time.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}

/**
 * What a signed-in window does with a case event (useServerEvents calls the
 * returned function with the event's data): a toast per notice meant for me,
 * with a link to the case, and the same as an OS notification on the desktop.
 */
export function useCaseNotices(): (data: unknown) => void {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const latest = useRef({ t, navigate });
  useEffect(() => {
    latest.current = { t, navigate };
  }, [t, navigate]);
  useInboxCountInTitle();

  return useCallback((data: unknown) => {
    const event = parseCaseEvent(data);
    if (!event) return;
    const { t: tr, navigate: go } = latest.current;
    for (const notice of event.notify) {
      const name = caseName(event);
      const title = noticeTitle(notice, tr, name);
      const href = `/cases/${event.caseId}`;
      const id = `case-${event.caseId}-${event.version}-${notice.kind}`;
      notifications.show({
        id,
        color: noticeColor(notice),
        title,
        autoClose: 12_000,
        message: (
          <Anchor
            href={href}
            size="sm"
            onClick={(e) => {
              e.preventDefault();
              notifications.hide(id);
              void go(href);
            }}
          >
            {name}
          </Anchor>
        ),
      });
      desktopCaseNotice(title, name);
    }
  }, []);
}
