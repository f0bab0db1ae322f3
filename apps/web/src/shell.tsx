import type { ReactNode } from 'react';
import { App, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AimOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileSearchOutlined,
  FormOutlined,
  GlobalOutlined,
  LogoutOutlined,
  PartitionOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { api, setCsrfToken, type Role } from './api.ts';
import { useSession } from './lib/session.tsx';
import { navigate } from './lib/router.ts';
import { flushPendingEdits } from './lib/pending-edits.ts';
import { ROLE_LABELS } from './lib/labels.ts';
import { NotificationBell } from './notifications/notification-bell.tsx';

interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  roles: readonly Role[] | 'all';
}

const NAV: readonly NavItem[] = [
  {
    key: 'targets',
    label: '绩效目标',
    icon: <AimOutlined />,
    roles: ['filer', 'head', 'reviewer', 'admin'],
  },
  { key: 'evaluations', label: '我的自评', icon: <FormOutlined />, roles: ['filer', 'head'] },
  { key: 'review', label: '审核', icon: <AuditOutlined />, roles: ['reviewer', 'admin'] },
  { key: 'audit', label: '批量审查', icon: <FileSearchOutlined />, roles: ['reviewer', 'admin'] },
  {
    key: 'dashboard',
    label: '数据看板',
    icon: <BarChartOutlined />,
    roles: ['reviewer', 'admin', 'head'],
  },
  { key: 'rulebooks', label: '指标体系', icon: <PartitionOutlined />, roles: 'all' },
  { key: 'admin', label: '管理', icon: <SettingOutlined />, roles: ['reviewer', 'admin'] },
  { key: 'public', label: '公开', icon: <GlobalOutlined />, roles: 'all' },
];

/** Whether a role may open a section: the menu and the routes follow this one table. */
export function mayOpen(section: string, role: Role | null): boolean {
  // Monitoring is reached from 绩效目标 and open to the same roles.
  const item = NAV.find((n) => n.key === (section === 'monitoring' ? 'targets' : section));
  if (!item) return true;
  if (item.roles === 'all') return true;
  return role !== null && item.roles.includes(role);
}

/** Layout with the role's navigation; the user's name, role and unit always in the header. */
export function Shell({ section, children }: { section: string; children: ReactNode }) {
  const { user, setUser } = useSession();
  const { message, modal } = App.useApp();
  const items = NAV.filter((n) =>
    user ? n.roles === 'all' || n.roles.includes(user.role) : n.key === 'public',
  ).map((n) => ({ key: n.key, label: n.label, icon: n.icon }));
  const logout = async () => {
    // What is typed in an open editor reaches the server before the session ends.
    if (!(await flushPendingEdits())) {
      const leave = await modal.confirm({
        title: '有修改尚未保存',
        content:
          '服务器暂时无法保存您的修改（本机已保留一份，重新打开该自评时可恢复）。仍要退出吗？',
        okText: '仍然退出',
        cancelText: '留在本页',
      });
      if (!leave) return;
    }
    try {
      await api.logout();
    } finally {
      message.destroy();
      setCsrfToken(null);
      setUser(null);
      navigate('/login');
    }
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          background: '#8c1d22',
          paddingInline: 24,
        }}
      >
        <Typography.Title
          level={4}
          style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', flex: 'none' }}
        >
          预算绩效自评平台
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          aria-label="主导航"
          selectedKeys={[section === 'monitoring' ? 'targets' : section]}
          items={items}
          onClick={(e) => navigate(`/${e.key}`)}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
        />
        {user ? (
          <Space style={{ color: '#fff', flex: 'none' }} data-testid="current-user">
            {/* The unit's people are told of the reviewer's decisions and reminders. */}
            {(user.role === 'filer' || user.role === 'head') && (
              <NotificationBell section={section} />
            )}
            <span>{user.displayName}</span>
            <Tag color="gold">{ROLE_LABELS[user.role]}</Tag>
            {/* A long unit name is cut with an ellipsis (full name on hover): the menu keeps its room. */}
            <span className="header-unit" title={user.departmentName ?? user.regionName ?? ''}>
              {user.departmentName ?? user.regionName ?? ''}
            </span>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => void logout()}
              aria-label="退出登录"
            >
              退出
            </Button>
          </Space>
        ) : (
          <Button onClick={() => navigate('/login')}>登录</Button>
        )}
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        预算绩效自评平台 · 填报、核算、审核、公开
      </Layout.Footer>
    </Layout>
  );
}
