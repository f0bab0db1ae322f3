import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { errorText } from '../api.ts';
import { beijingTime } from '../lib/time.ts';
import { reviewApi, type Notification, type NotificationKind } from '../review/review-api.ts';
import { Item, ItemList } from '../lib/item-list.tsx';

/** How often the unread count is fetched again while a page stays open. */
const POLL_MS = 60_000;

const COMMENT_LABELS: Record<NotificationKind, string> = {
  return: '退回意见',
  approve: '审核意见',
  publish: '公开说明',
  withdraw: '撤回理由',
  reopen: '理由',
  remind: '留言',
};

/**
 * The unit's notifications in the header: the unread count on a bell, and on a click the list —
 * who did what and when (Beijing time), the comment, a link to the evaluation; mark read.
 */
export function NotificationBell({ section }: { section: string }) {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(async () => {
    try {
      const data = await reviewApi.notifications();
      setItems(data.items);
      setUnread(data.unread);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  // Fetched on every page the user goes to, and every minute while a page stays open.
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load, section]);

  const markRead = async (which: { ids: string[] } | { all: true }) => {
    try {
      const { unread: left } = await reviewApi.markRead(which);
      setUnread(left);
      setItems((list) =>
        list.map((n) => ('all' in which || which.ids.includes(n.id) ? { ...n, read: true } : n)),
      );
    } catch (e) {
      setError(errorText(e));
    }
  };

  const content = (
    <div style={{ width: 400, maxHeight: 460, overflowY: 'auto' }} data-testid="notification-list">
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <ItemList>
          {items.map((n) => (
            <Item
              key={n.id}
              data-testid="notification"
              data-read={n.read ? 'yes' : 'no'}
              style={{ background: n.read ? undefined : '#fff7e6', paddingInline: 8 }}
              actions={
                n.read
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={() => void markRead({ ids: [n.id] })}
                      >
                        标为已读
                      </Button>,
                    ]
              }
            >
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text strong={!n.read}>{n.summary}</Typography.Text>
                {n.evaluationId !== null ? (
                  <a
                    href={`#/evaluations/${n.evaluationId}`}
                    onClick={() => {
                      setOpen(false);
                      if (!n.read) void markRead({ ids: [n.id] });
                    }}
                  >
                    {n.title ?? `${n.departmentName ?? ''}${n.year ?? ''}年度自评`}
                  </a>
                ) : (
                  n.kind === 'remind' && (
                    // A round's reminder to a unit that has not started: where to start it.
                    <a
                      href="#/evaluations"
                      onClick={() => {
                        setOpen(false);
                        if (!n.read) void markRead({ ids: [n.id] });
                      }}
                    >
                      去新建自评
                    </a>
                  )
                )}
                {n.comment !== null && (
                  <Typography.Text>
                    {COMMENT_LABELS[n.kind]}：{n.comment}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">{beijingTime(n.at)}</Typography.Text>
              </Space>
            </Item>
          ))}
        </ItemList>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>通知</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            onClick={() => void markRead({ all: true })}
          >
            全部标为已读
          </Button>
        </Space>
      }
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <Button
          type="text"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          aria-label={unread > 0 ? `通知（${unread} 条未读）` : '通知'}
        />
      </Badge>
    </Popover>
  );
}
