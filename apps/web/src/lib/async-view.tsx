import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin } from 'antd';
import { errorText } from '../api.ts';
import type { AsyncState } from './use-async.ts';

/** Loading, error and empty states for anything fetched: one look everywhere. */
export function AsyncView<T>({
  state,
  isEmpty,
  emptyText = '暂无数据',
  children,
}: {
  state: AsyncState<T>;
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}) {
  if (state.loading && state.data === undefined)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin description="加载中…" size="large">
          <div style={{ minHeight: 40 }} />
        </Spin>
      </div>
    );
  if (state.error)
    return (
      <Result
        status="error"
        title="加载失败"
        subTitle={errorText(state.error)}
        extra={
          <Button type="primary" onClick={state.reload}>
            重试
          </Button>
        }
      />
    );
  if (state.data === undefined) return null;
  if (isEmpty?.(state.data)) return <Empty description={emptyText} />;
  return <>{children(state.data)}</>;
}
