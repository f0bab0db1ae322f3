import { useMemo, useState } from 'react';
import { Card, Col, Empty, InputNumber, Row, Select, Space, Statistic } from 'antd';
import { RectificationCard } from './rectification-card.tsx';
import { api, type Dashboard, type Status } from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { categoryLabel } from '../lib/finding-labels.ts';
import { STATUS_LABELS } from '../lib/labels.ts';
import { useAsync } from '../lib/use-async.ts';
import { useSession } from '../lib/session.tsx';
import { EChart, type ChartOption } from './echart.tsx';
import { MonitoringLights } from './monitoring-lights.tsx';

const STATUSES = Object.keys(STATUS_LABELS) as Status[];
const COLOR = '#b5242a';

/** 数据看板: a region's year at a glance. Loaded lazily with ECharts. */
export default function DashboardPage() {
  const [year, setYear] = useState<number | null>(null);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const { user } = useSession();
  const regions = useAsync(
    () =>
      user?.role === 'admin'
        ? api
            .regions()
            .then((r) => r.items)
            .catch(() => [])
        : Promise.resolve([]),
    [user?.role],
  );
  const state = useAsync(
    () => api.dashboard({ ...(year ? { year } : {}), ...(region ? { regionId: region } : {}) }),
    [year, region],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small">
        <Space wrap>
          {user?.role === 'admin' ? (
            <>
              <label htmlFor="dash-region">地区</label>
              <Select
                id="dash-region"
                allowClear
                placeholder="全部地区"
                style={{ width: 200 }}
                value={region}
                onChange={(v: string | undefined) => setRegion(v)}
                options={(regions.data ?? []).map((r) => ({
                  label: r.name,
                  value: String(r.id),
                }))}
              />
            </>
          ) : (
            <span data-testid="dashboard-scope">
              {user?.role === 'head'
                ? `单位：${user.departmentName ?? ''}`
                : `地区：${user?.regionName ?? ''}`}
            </span>
          )}
          <label htmlFor="dash-year">年度</label>
          <InputNumber
            id="dash-year"
            min={2000}
            max={2100}
            value={year ?? state.data?.year ?? null}
            onChange={(v) => setYear(typeof v === 'number' ? v : null)}
          />
        </Space>
      </Card>
      <MonitoringLights regionId={region} />
      <AsyncView state={state}>
        {(d) => <Charts key={`${d.year}-${region ?? ''}`} d={d} />}
      </AsyncView>
    </Space>
  );
}

function Charts({ d }: { d: Dashboard }) {
  // Start with the department that has the longest history.
  const [dept, setDept] = useState<string | undefined>(() => {
    const longest = [...d.yearsByDepartment].sort((a, b) => b.years.length - a.years.length)[0];
    return longest ? String(longest.departmentId) : undefined;
  });
  const hist: ChartOption = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: d.scoreHistogram.map((b) => b.bucket), name: '分数段' },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', data: d.scoreHistogram.map((b) => b.count), itemStyle: { color: COLOR } },
      ],
    }),
    [d],
  );
  // The server gives rates as fractions; charts show percentages.
  const rates = useMemo(
    () =>
      d.executionRates
        .flatMap((r) =>
          r.rate === null
            ? []
            : [{ departmentName: r.departmentName, rate: Math.round(r.rate * 10000) / 100 }],
        )
        .sort((a, b) => a.rate - b.rate),
    [d],
  );
  const rateHist = d.executionRateHistogram;
  const exec: ChartOption = useMemo(
    () =>
      rateHist
        ? {
            tooltip: {},
            grid: { left: 40, right: 16, top: 16, bottom: 30 },
            xAxis: { type: 'category', data: rateHist.map((b) => b.bucket), name: '执行率' },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { type: 'bar', data: rateHist.map((b) => b.count), itemStyle: { color: '#d4a017' } },
            ],
          }
        : {
            tooltip: { valueFormatter: (v: unknown) => `${Number(v).toFixed(2)}%` },
            grid: { left: 150, right: 24, top: 16, bottom: 30 },
            xAxis: {
              type: 'value',
              max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
              axisLabel: { formatter: '{value}%' },
            },
            yAxis: {
              type: 'category',
              data: rates.map((r) => r.departmentName),
              axisLabel: { width: 140, overflow: 'truncate' },
            },
            series: [
              {
                type: 'bar',
                data: rates.map((r) => r.rate),
                itemStyle: { color: '#d4a017' },
                markLine: {
                  symbol: 'none',
                  data: [{ xAxis: 90, name: '90%' }],
                  lineStyle: { color: COLOR },
                },
              },
            ],
          },
    [rates, rateHist],
  );
  const scatter: ChartOption = useMemo(() => {
    const pts = d.totals.filter((t) => t.stated !== null && t.computed !== null);
    // Zoom to the data: scores cluster near the top, and the diagonal is what matters.
    const low = Math.min(100, ...pts.flatMap((t) => [t.stated ?? 100, t.computed ?? 100]));
    const lo = Math.max(0, Math.floor(low / 5) * 5 - 5);
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const v = (p as { data: [number, number, string] }).data;
          return `${v[2]}<br/>计算 ${v[0]} · 填报 ${v[1]}`;
        },
      },
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      xAxis: {
        type: 'value',
        name: '计算总分',
        min: lo,
        max: 100,
      },
      yAxis: {
        type: 'value',
        name: '填报总分',
        min: lo,
        max: 100,
      },
      series: [
        {
          type: 'scatter',
          symbolSize: 9,
          data: pts.map((t) => [t.computed, t.stated, t.departmentName]),
          itemStyle: {
            color: (p: { data: [number, number] }) =>
              p.data[1] - p.data[0] > 0.005 ? COLOR : '#389e0d',
          },
        },
        {
          type: 'line',
          data: [
            [lo, lo],
            [100, 100],
          ],
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#999' },
          tooltip: { show: false },
        },
      ],
    };
  }, [d]);
  const cats: ChartOption = useMemo(() => {
    const c = [...d.findingCategories].sort((a, b) => a.count - b.count);
    return {
      tooltip: {},
      grid: { left: 110, right: 24, top: 16, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: c.map((x) => categoryLabel(x.category)) },
      series: [{ type: 'bar', data: c.map((x) => x.count), itemStyle: { color: '#cf6a00' } }],
    };
  }, [d]);
  const deptYears = d.yearsByDepartment.find((x) => String(x.departmentId) === dept);
  const years: ChartOption = useMemo(
    () => ({
      tooltip: {},
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: (deptYears?.years ?? []).map((y) => `${y.year}年`) },
      yAxis: { type: 'value', max: 100 },
      series: [
        {
          name: '填报总分',
          type: 'bar',
          data: (deptYears?.years ?? []).map((y) => y.stated),
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          itemStyle: { color: '#d4a017' },
        },
        {
          name: '计算总分',
          type: 'bar',
          data: (deptYears?.years ?? []).map((y) => y.computed),
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          itemStyle: { color: COLOR },
        },
      ],
    }),
    [deptYears],
  );
  const inflated = d.totals.filter(
    (t) => t.stated !== null && t.computed !== null && t.stated - t.computed > 0.005,
  ).length;
  return (
    <>
      <Row gutter={[16, 16]}>
        {STATUSES.map((s) => (
          <Col key={s} xs={12} md={8} lg={4}>
            <Card size="small">
              <Statistic title={STATUS_LABELS[s]} value={d.statusCounts[s] ?? 0} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} lg={4}>
          <Card size="small">
            <Statistic
              title="自评分高于计算分"
              value={inflated}
              styles={{ content: { color: COLOR } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={`${d.year}年度 自评得分分布`}>
            {d.scoreHistogram.length ? (
              <EChart option={hist} label="自评得分分布直方图" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="填报总分与计算总分（虚线以上为自评偏高）">
            {d.totals.length ? (
              <EChart option={scatter} label="填报总分与计算总分散点图" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="预算执行率分布">
            {rates.length ? (
              <EChart
                option={exec}
                height={rateHist ? 300 : Math.max(300, rates.length * 22)}
                label="各单位预算执行率"
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="常见问题类别">
            {d.findingCategories.length ? (
              <EChart option={cats} label="审查发现类别统计" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title="单位历年对比"
            extra={
              <Select
                aria-label="选择单位"
                style={{ width: 260 }}
                value={dept}
                onChange={setDept}
                showSearch={{ optionFilterProp: 'label' }}
                options={d.yearsByDepartment.map((x) => ({
                  label: x.departmentName,
                  value: String(x.departmentId),
                }))}
              />
            }
          >
            {deptYears ? <EChart option={years} label="单位历年得分对比" /> : <Empty />}
          </Card>
        </Col>
        {d.rectification && (
          <Col xs={24}>
            <RectificationCard figures={d.rectification} />
          </Col>
        )}
      </Row>
    </>
  );
}
