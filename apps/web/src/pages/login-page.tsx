import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api, errorText, setCsrfToken, type User } from '../api.ts';
import { navigate } from '../lib/router.ts';

/** 登录: username and password; the server throttles repeated failures. */
export function LoginPage({ onLogin }: { onLogin: (user: User) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(v.username.trim(), v.password);
      setCsrfToken(r.csrfToken);
      onLogin(r.user);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3efe9' }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          预算绩效自评平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          填报人、单位负责人、审核人、管理员登录
        </Typography.Paragraph>
        {error && (
          <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => void submit(v)}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Button type="link" block onClick={() => navigate('/public')} style={{ marginTop: 8 }}>
          不登录，查看已公开的自评报告
        </Button>
      </Card>
    </div>
  );
}
