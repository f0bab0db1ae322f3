import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { api, SESSION_ENDED, setCsrfToken, type User } from './api.ts';
import { SessionContext } from './lib/session.tsx';
import { navigate, useRoute } from './lib/router.ts';
import { mayOpen, Shell } from './shell.tsx';
import { LoginPage } from './pages/login-page.tsx';

const EvaluationsPage = lazy(() => import('./pages/evaluations-page.tsx'));
const EditorPage = lazy(() => import('./editor/editor-page.tsx'));
const ReviewInbox = lazy(() => import('./review/review-inbox.tsx'));
const ReviewPage = lazy(() => import('./review/review-page.tsx'));
const AuditPage = lazy(() => import('./pages/audit-page.tsx'));
const DashboardPage = lazy(() => import('./dashboard/dashboard-page.tsx'));
const PublicPage = lazy(() => import('./pages/public-page.tsx'));
const RulebooksPage = lazy(() => import('./pages/rulebooks-page.tsx'));
const AdminPage = lazy(() => import('./pages/admin-page.tsx'));
const BenchPage = lazy(() => import('./pages/bench-page.tsx'));
const TargetsPage = lazy(() => import('./targets/targets-page.tsx'));
const TargetPage = lazy(() => import('./targets/target-page.tsx'));
const MonitoringPage = lazy(() => import('./targets/monitoring-page.tsx'));

const fallback = (
  <div style={{ padding: 64, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

/** The first page each role lands on. */
export function homeFor(user: User | null): string {
  if (!user) return '/public';
  switch (user.role) {
    case 'filer':
    case 'head':
      return '/evaluations';
    case 'reviewer':
    case 'admin':
      return '/review';
  }
}

export function App() {
  const [user, setUser] = useState<User | null>(null);
  const [checked, setChecked] = useState(false);
  const route = useRoute();
  const session = useMemo(() => ({ user, setUser }), [user]);

  useEffect(() => {
    api.me().then(
      (r) => {
        setCsrfToken(r.csrfToken);
        setUser(r.user);
        setChecked(true);
      },
      () => setChecked(true),
    );
  }, []);

  useEffect(() => {
    const ended = () => {
      setCsrfToken(null);
      setUser(null);
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  if (!checked) return fallback;
  const [section = '', id] = route.path;
  const publicRoute = section === 'public' || section === 'bench';
  if (!user && !publicRoute)
    return (
      <SessionContext.Provider value={session}>
        <LoginPage
          onLogin={(u) => {
            setUser(u);
            if (section === '' || section === 'login') navigate(homeFor(u));
          }}
        />
      </SessionContext.Provider>
    );
  if (user && (section === '' || section === 'login')) navigate(homeFor(user));

  let page;
  if (!mayOpen(section, user?.role ?? null))
    return (
      <SessionContext.Provider value={session}>
        <Shell section={section}>
          <Result
            status="403"
            title="无权访问此页面"
            subTitle="当前账号的角色不能使用这个页面。"
            extra={
              <Button type="primary" onClick={() => navigate(homeFor(user))}>
                返回首页
              </Button>
            }
          />
        </Shell>
      </SessionContext.Provider>
    );
  switch (section) {
    case 'evaluations':
      page = id ? <EditorPage id={id} /> : <EvaluationsPage />;
      break;
    case 'review':
      page = id ? <ReviewPage id={id} /> : <ReviewInbox />;
      break;
    case 'audit':
      page = <AuditPage />;
      break;
    case 'dashboard':
      page = <DashboardPage />;
      break;
    case 'public':
      page = <PublicPage id={id} />;
      break;
    case 'rulebooks':
      page = <RulebooksPage />;
      break;
    case 'admin':
      page = <AdminPage />;
      break;
    case 'bench':
      page = <BenchPage />;
      break;
    case 'targets':
      page = id ? <TargetPage id={id} /> : <TargetsPage />;
      break;
    case 'monitoring':
      page = <MonitoringPage path={route.path.slice(1)} />;
      break;
    default:
      page = null;
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell section={section}>
        <Suspense fallback={fallback}>{page}</Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}
