import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import type { Rulebook } from '@jixiao/domain';
import { api, errorText } from '../api.ts';
import { runBench, type BenchResult } from '../lib/keystroke-bench.ts';
import { TypingBench, type TypingResult } from './typing-bench.tsx';

async function benchRulebook(): Promise<Rulebook> {
  const list = await api.rulebooks();
  const info =
    list.items.find((r) => r.id === 'hunan-department') ??
    list.items.find((r) => r.kind === 'department');
  if (!info) throw new Error('没有可用的部门整体指标体系');
  return api.rulebook(info.id);
}

/**
 * #/bench: re-scoring + re-checking a 200-indicator evaluation per keystroke, in the browser;
 * and typing into the editor's indicator table of such an evaluation, timed to the screen.
 */
export default function BenchPage() {
  const [result, setResult] = useState<BenchResult | null>(null);
  const [typing, setTyping] = useState<TypingResult | null>(null);
  const [typingBook, setTypingBook] = useState<Rulebook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const book = await benchRulebook();
      await new Promise((r) => setTimeout(r, 0));
      const res = runBench(book);
      console.log(`[bench] ${JSON.stringify(res)}`);
      setResult(res);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const runTyping = async () => {
    setError(null);
    setTyping(null);
    try {
      setTypingBook(await benchRulebook());
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card title="性能基准：200 项三级指标的自评">
      <Typography.Paragraph>
        计分与审查：模拟在编辑器中逐键修改“实际完成值”：解析输入、更新自评内容、按指标体系重新计分并重新审查。目标：每次按键
        &lt; 16 毫秒。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => void run()} loading={busy}>
        运行基准
      </Button>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        编辑器输入：在编辑器的绩效指标表中逐键修改“实际完成值”，计时到屏幕显示出所输入的内容（对照：页面上一个单独的输入框）。目标：中位数
        &lt; 50 毫秒。
      </Typography.Paragraph>
      <Button onClick={() => void runTyping()} loading={typingBook !== null && typing === null}>
        运行编辑器输入基准
      </Button>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <>
          <Descriptions bordered size="small" column={3} style={{ marginTop: 16 }}>
            <Descriptions.Item label="三级指标">{result.leaves}</Descriptions.Item>
            <Descriptions.Item label="按键次数">{result.keystrokes}</Descriptions.Item>
            <Descriptions.Item label="发现">{result.findings}</Descriptions.Item>
            <Descriptions.Item label="中位数">{result.medianMs} ms</Descriptions.Item>
            <Descriptions.Item label="P95">{result.p95Ms} ms</Descriptions.Item>
            <Descriptions.Item label="最大">{result.maxMs} ms</Descriptions.Item>
          </Descriptions>
          <pre data-testid="bench-result" style={{ marginTop: 12 }}>
            {JSON.stringify(result)}
          </pre>
        </>
      )}
      {typing && (
        <>
          <Descriptions bordered size="small" column={3} style={{ marginTop: 16 }}>
            <Descriptions.Item label="指标">{typing.leaves}</Descriptions.Item>
            <Descriptions.Item label="按键次数">{typing.keystrokes}</Descriptions.Item>
            <Descriptions.Item label="每次按键重绘的指标行">{typing.rowRenders}</Descriptions.Item>
            <Descriptions.Item label="显示（中位数）">{typing.medianMs} ms</Descriptions.Item>
            <Descriptions.Item label="P95">{typing.p95Ms} ms</Descriptions.Item>
            <Descriptions.Item label="含重新计分（中位数）">
              {typing.settledMedianMs} ms
            </Descriptions.Item>
            <Descriptions.Item label="对照：单独输入框">
              {typing.baselineMedianMs} ms
            </Descriptions.Item>
          </Descriptions>
          <pre data-testid="typing-result" style={{ marginTop: 12 }}>
            {JSON.stringify(typing)}
          </pre>
        </>
      )}
      {typingBook && typing === null && (
        <div style={{ marginTop: 16 }}>
          <TypingBench
            rulebook={typingBook}
            onDone={(r) => {
              console.log(`[typing] ${JSON.stringify(r)}`);
              setTyping(r);
              setTypingBook(null);
            }}
          />
        </div>
      )}
    </Card>
  );
}
