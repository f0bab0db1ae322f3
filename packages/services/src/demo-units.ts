import {
  DepartmentEvaluation,
  fen as toFen,
  formatFen,
  parseExpression,
  ratioPercent,
  sumPoints,
} from '@jixiao/domain';
import type { Amount, IndicatorNode, Percent } from '@jixiao/domain';

/** [name, 计量单位, 年度指标值, 实际完成值] of a count indicator (≥). */
type Count = [string, string, number, number];
/** [name, 年度指标值 %, 实际完成值 %] of a rate indicator (≥). */
type Rate = [string, number, number];

/**
 * What makes a demo bureau itself: its duties, structure, people, projects, indicators and
 * words. The indicators keep the template's kinds in the template's places (two counts, a rate
 * of 100%, a deadline, the cost ceiling, a count, a rate of 100%, three rates), so the
 * generated years, the targets and the monitoring built from them behave as for the template;
 * every actual meets its target (shortfalls are planted by the generator, with their reasons).
 */
export interface UnitProfile {
  /** The department's name as the demo creates it. */
  name: string;
  duties: string[];
  internalUnits: string[];
  subordinateUnits: string[];
  /** 编制数, 行政 in post, 事业 in post. */
  staffing: [number, number, number];
  head: string;
  filler: string;
  /** Three projects (name, purpose), sharing the project money 50/30/20 as the template does. */
  projects: [[string, string], [string, string], [string, string]];
  goal: { expected: string; actual: string };
  counts: [Count, Count];
  /** A quality indicator whose target is =100%. */
  quality: string;
  /** A timeliness indicator: name, deadline and day done ("12月31日", "12月20日"). */
  deadline: [string, string, string];
  economic: Count;
  /** A social-benefit indicator whose target is =100%. */
  social: string;
  ecological: Rate;
  sustainable: Rate;
  satisfaction: Rate;
  problems: string;
  improvements: string;
}

/** The demo's sixteen bureaus, each with its own work (D01–D16, in this order). */
export const UNIT_PROFILES: readonly UnitProfile[] = [
  {
    name: '示范市教育局',
    duties: [
      '贯彻执行教育法律法规和方针政策，拟订全市教育发展规划',
      '统筹管理义务教育、学前教育和普通高中教育',
      '负责全市学生资助和教育经费统筹管理',
      '指导全市教师队伍建设和教育督导工作',
    ],
    internalUnits: [
      '办公室',
      '基础教育科',
      '计划财务科',
      '人事教师科',
      '学生资助管理中心',
      '教育督导室',
    ],
    subordinateUnits: ['示范市第一中学', '示范市实验小学', '示范市教育考试院'],
    staffing: [62, 41, 18],
    head: '王建国',
    filler: '刘芳',
    projects: [
      ['义务教育薄弱环节改善经费', '用于农村学校校舍改造和教学设备购置'],
      ['学生资助补助经费', '用于家庭经济困难学生生活补助'],
      ['教师培训专项经费', '用于中小学教师全员培训'],
    ],
    goal: {
      expected: '改善义务教育办学条件，落实学生资助政策，提升教师队伍素质。',
      actual: '农村学校校舍改造有序推进，资助政策全面落实，教师培训按计划完成。',
    },
    counts: [
      ['改造农村学校校舍', '所', 12, 12],
      ['资助家庭经济困难学生', '人次', 3200, 3315],
    ],
    quality: '资助资金足额发放率',
    deadline: ['秋季学期前完成校舍改造', '8月31日', '8月25日'],
    economic: ['减轻困难家庭教育支出户数', '户', 1800, 1856],
    social: '适龄儿童义务教育入学率',
    ecological: ['节能改造学校占比', 80, 85],
    sustainable: ['教师培训计划完成率', 95, 98],
    satisfaction: ['学生家长满意度', 90, 93],
    problems:
      '一是部分农村学校改造项目开工偏晚，资金支付集中在下半年；二是教师培训效果评估还不够深入。',
    improvements:
      '一是提前做好校舍改造项目前期工作，按月调度支付进度；二是建立培训效果跟踪评估机制。',
  },
  {
    name: '示范市卫生健康委员会',
    duties: [
      '拟订全市卫生健康事业发展规划并组织实施',
      '组织实施基本公共卫生服务和重大疾病防控',
      '负责全市医疗机构和医疗服务行业管理',
      '组织开展爱国卫生运动和健康促进工作',
    ],
    internalUnits: ['办公室', '规划财务科', '医政医管科', '基层卫生健康科', '疾病预防控制科'],
    subordinateUnits: ['示范市疾病预防控制中心', '示范市妇幼保健院'],
    staffing: [48, 30, 15],
    head: '陈卫民',
    filler: '张丽',
    projects: [
      ['基本公共卫生服务补助经费', '用于城乡居民基本公共卫生服务项目补助'],
      ['重大疾病防控专项经费', '用于传染病监测和慢性病防控'],
      ['基层医疗机构能力提升经费', '用于乡镇卫生院设备购置和人员培训'],
    ],
    goal: {
      expected: '落实基本公共卫生服务项目，控制重大传染病发生，提升基层医疗服务能力。',
      actual: '基本公共卫生服务项目全面完成，未发生重大传染病疫情，基层诊疗量稳步提高。',
    },
    counts: [
      ['建立居民电子健康档案', '万份', 42, 43.6],
      ['65岁以上老年人健康管理', '人', 26000, 26840],
    ],
    quality: '传染病疫情报告及时率',
    deadline: ['年度健康体检完成时间', '11月30日', '11月20日'],
    economic: ['基层医疗机构年诊疗人次', '万人次', 85, 88.2],
    social: '适龄儿童免疫规划疫苗接种率',
    ecological: ['医疗废物规范处置率', 95, 99],
    sustainable: ['家庭医生签约服务覆盖率', 45, 47],
    satisfaction: ['城乡居民满意度', 90, 92],
    problems: '一是基层医疗机构专业人员不足，部分服务项目质量不高；二是健康档案使用率偏低。',
    improvements: '一是加大基层卫生人才招聘和培训力度；二是推进健康档案向居民开放使用。',
  },
  {
    name: '示范市交通运输局',
    duties: [
      '拟订全市综合交通运输发展规划',
      '负责农村公路建设和养护管理',
      '负责道路运输和城市公交行业管理',
      '负责交通运输安全生产监督管理',
    ],
    internalUnits: ['办公室', '规划建设科', '公路管理科', '运输管理科', '安全监督科'],
    subordinateUnits: ['示范市公路养护中心'],
    staffing: [45, 28, 14],
    head: '赵路平',
    filler: '孙婷',
    projects: [
      ['农村公路建设补助经费', '用于乡村公路提质改造'],
      ['公路养护专项经费', '用于国省干线和农村公路日常养护'],
      ['城乡公交运营补贴', '用于城乡公交线路运营补贴'],
    ],
    goal: {
      expected: '完成农村公路提质改造任务，保持公路良好技术状况，保障城乡公交稳定运营。',
      actual: '农村公路提质改造有序推进，公路技术状况保持良好，城乡公交运行平稳。',
    },
    counts: [
      ['农村公路提质改造里程', '公里', 80, 86],
      ['完成公路日常养护里程', '公里', 1200, 1236],
    ],
    quality: '新改建农村公路交工验收合格率',
    deadline: ['农村公路改造完工时间', '11月30日', '11月18日'],
    economic: ['城乡公交年客运量', '万人次', 620, 641],
    social: '建制村通客车率',
    ecological: ['新能源公交车占比', 60, 66],
    sustainable: ['公路优良路率', 85, 88],
    satisfaction: ['沿线群众满意度', 90, 91],
    problems: '一是部分改造项目受征地影响进度滞后；二是农村公路养护资金缺口较大。',
    improvements: '一是提前协调征地拆迁，倒排工期；二是积极争取上级养护补助，落实养护责任。',
  },
  {
    name: '示范市住房和城乡建设局',
    duties: [
      '负责全市住房保障和城镇老旧小区改造',
      '负责城市建设和市政公用设施管理',
      '负责建筑市场和工程质量安全监督',
    ],
    internalUnits: ['办公室', '住房保障科', '城市建设科', '建筑管理科', '质量安全监督站'],
    subordinateUnits: [],
    staffing: [52, 33, 16],
    head: '周安居',
    filler: '吴静',
    projects: [
      ['城镇老旧小区改造经费', '用于老旧小区水电气路和外立面改造'],
      ['保障性住房运营管理经费', '用于公租房维修和运营管理'],
      ['市政设施维护经费', '用于城市道路、路灯和排水设施维护'],
    ],
    goal: {
      expected: '完成年度老旧小区改造任务，保障困难群众住房需求，维护市政设施正常运行。',
      actual: '老旧小区改造有序推进，公租房分配运营规范，市政设施运行正常。',
    },
    counts: [
      ['改造城镇老旧小区', '个', 26, 28],
      ['发放公租房租赁补贴', '户', 1500, 1542],
    ],
    quality: '改造项目竣工验收合格率',
    deadline: ['老旧小区改造完工时间', '12月15日', '12月10日'],
    economic: ['带动社会投资项目', '个', 10, 11],
    social: '符合条件的困难家庭应保尽保率',
    ecological: ['新建建筑节能标准执行率', 98, 100],
    sustainable: ['市政设施完好率', 95, 97],
    satisfaction: ['改造小区居民满意度', 90, 94],
    problems: '一是老旧小区改造中居民意见协调耗时较长；二是市政设施维护经费标准偏低。',
    improvements: '一是改造前充分征求居民意见，一区一策；二是建立市政设施维护定额标准。',
  },
  {
    name: '示范市农业农村局',
    duties: [
      '统筹推进乡村振兴和农业农村发展',
      '负责粮食生产和高标准农田建设',
      '负责农产品质量安全监督管理',
      '指导农村集体经济和农民专业合作社发展',
    ],
    internalUnits: ['办公室', '计划财务科', '种植业管理科', '农田建设管理科', '农产品质量安全科'],
    subordinateUnits: ['示范市农业技术推广中心'],
    staffing: [58, 36, 19],
    head: '李丰收',
    filler: '何敏',
    projects: [
      ['高标准农田建设经费', '用于农田水利、土壤改良和田间道路建设'],
      ['耕地地力保护补贴', '用于发放耕地地力保护补贴'],
      ['农产品质量安全监测经费', '用于农产品抽检和追溯体系建设'],
    ],
    goal: {
      expected: '新建高标准农田，稳定粮食生产，保障农产品质量安全。',
      actual: '高标准农田建设有序推进，粮食播种面积稳定，农产品抽检合格率保持高位。',
    },
    counts: [
      ['新建高标准农田面积', '万亩', 2, 2.1],
      ['农产品质量安全抽检批次', '批次', 1600, 1650],
    ],
    quality: '耕地地力保护补贴发放准确率',
    deadline: ['补贴资金发放完成时间', '6月30日', '6月20日'],
    economic: ['带动农民专业合作社', '家', 45, 48],
    social: '补贴资金一卡通发放率',
    ecological: ['化肥农药减量技术覆盖率', 80, 83],
    sustainable: ['高标准农田建后管护落实率', 95, 96],
    satisfaction: ['农户满意度', 90, 92],
    problems: '一是高标准农田建后管护机制还不健全；二是部分监测设备老化。',
    improvements: '一是落实管护主体和经费，建立巡查制度；二是分年度更新检测设备。',
  },
  {
    name: '示范市民政局',
    duties: [
      '负责城乡最低生活保障和特困人员救助供养',
      '负责养老服务体系建设和养老机构监管',
      '负责社会组织登记管理和婚姻登记',
    ],
    internalUnits: ['办公室', '社会救助科', '养老服务科', '社会组织管理科', '婚姻登记处'],
    subordinateUnits: ['示范市社会福利院'],
    staffing: [38, 24, 12],
    head: '郑仁和',
    filler: '黄雪',
    projects: [
      ['城乡最低生活保障资金', '用于发放城乡低保金'],
      ['特困人员救助供养资金', '用于特困人员基本生活和照料护理'],
      ['居家养老服务补贴', '用于经济困难高龄老人居家养老服务'],
    ],
    goal: {
      expected: '保障困难群众基本生活，完善养老服务体系。',
      actual: '低保和特困供养资金按时足额发放，居家养老服务覆盖面扩大。',
    },
    counts: [
      ['城乡低保保障人数', '人', 9800, 9920],
      ['居家养老服务对象', '人', 2400, 2480],
    ],
    quality: '低保金按时足额发放率',
    deadline: ['年度救助资金清算完成时间', '12月31日', '12月25日'],
    economic: ['新增社区养老服务站', '个', 12, 13],
    social: '特困人员集中供养需求满足率',
    ecological: ['婚姻登记网上预约率', 70, 76],
    sustainable: ['养老机构等级评定覆盖率', 80, 85],
    satisfaction: ['救助对象满意度', 90, 95],
    problems: '一是低保动态管理中入户核查工作量大，人手紧张；二是农村养老服务设施利用率不高。',
    improvements: '一是借助信息比对开展精准核查；二是推行农村互助养老模式，提高设施使用率。',
  },
  {
    name: '示范市人力资源和社会保障局',
    duties: [
      '负责促进就业和职业技能培训',
      '负责城乡居民和职工社会保险政策实施',
      '负责劳动关系协调和劳动保障监察',
      '负责事业单位人事管理和人才引进',
    ],
    internalUnits: ['办公室', '就业促进科', '养老保险科', '劳动关系科', '人才开发科'],
    subordinateUnits: ['示范市社会保险服务中心', '示范市劳动保障监察支队'],
    staffing: [55, 35, 17],
    head: '钱保安',
    filler: '林娜',
    projects: [
      ['就业专项资金', '用于职业技能培训补贴和公益性岗位补贴'],
      ['城乡居民基本养老保险补助', '用于参保缴费补贴和基础养老金'],
      ['劳动保障监察经费', '用于欠薪治理和劳动保障执法'],
    ],
    goal: {
      expected: '实现城镇新增就业目标，扩大社会保险覆盖面，维护劳动者合法权益。',
      actual: '就业形势总体稳定，城乡居民养老保险参保率稳定，欠薪案件全部办结。',
    },
    counts: [
      ['城镇新增就业人数', '人', 6000, 6350],
      ['开展职业技能培训', '人次', 4500, 4720],
    ],
    quality: '社保待遇按时足额发放率',
    deadline: ['欠薪案件办结时限', '12月31日', '12月26日'],
    economic: ['扶持创业带动就业', '人', 900, 936],
    social: '欠薪案件结案率',
    ecological: ['社保业务网上办理率', 85, 90],
    sustainable: ['城乡居民养老保险参保率', 95, 97],
    satisfaction: ['参保群众满意度', 90, 93],
    problems: '一是职业技能培训与企业用工需求衔接不够紧密；二是部分灵活就业人员参保意识不强。',
    improvements: '一是推行订单式培训；二是加强社保政策宣传，推进灵活就业人员参保。',
  },
  {
    name: '示范市自然资源和规划局',
    duties: ['负责国土空间规划编制和实施监督', '负责耕地保护和土地利用管理', '负责不动产统一登记'],
    internalUnits: ['办公室', '国土空间规划科', '耕地保护科', '不动产登记中心', '执法监察大队'],
    subordinateUnits: [],
    staffing: [50, 34, 14],
    head: '冯守田',
    filler: '罗琳',
    projects: [
      ['国土空间规划编制经费', '用于乡镇国土空间规划编制'],
      ['耕地保护专项经费', '用于耕地占补平衡和动态巡查'],
      ['不动产登记信息化经费', '用于不动产登记系统运维'],
    ],
    goal: {
      expected: '完成乡镇国土空间规划编制，守住耕地保护红线，提升不动产登记效率。',
      actual: '乡镇国土空间规划编制有序推进，耕地保有量完成下达任务，登记办理时限压缩。',
    },
    counts: [
      ['完成乡镇国土空间规划编制', '个', 9, 9],
      ['耕地动态巡查图斑核查', '个', 1100, 1164],
    ],
    quality: '规划成果审查通过率',
    deadline: ['乡镇规划成果报批时间', '10月31日', '10月25日'],
    economic: ['保障重点项目用地', '个', 30, 32],
    social: '耕地保护任务完成率',
    ecological: ['违法占地整改到位率', 95, 97],
    sustainable: ['不动产登记一网通办率', 90, 94],
    satisfaction: ['办事群众满意度', 90, 95],
    problems: '一是部分乡镇规划基础数据更新不及时；二是违法占地早发现早制止难度仍然较大。',
    improvements: '一是建立规划基础数据年度更新机制；二是运用卫片监测加强动态巡查。',
  },
  {
    name: '示范市生态环境局',
    duties: [
      '负责大气、水、土壤污染防治监督管理',
      '负责生态环境监测和环境质量信息发布',
      '负责环境执法和突发环境事件应急处置',
    ],
    internalUnits: [
      '办公室',
      '大气环境科',
      '水生态环境科',
      '环境影响评价科',
      '生态环境保护综合行政执法支队',
    ],
    subordinateUnits: ['示范市生态环境监测站'],
    staffing: [46, 29, 15],
    head: '蒋青山',
    filler: '韩露',
    projects: [
      ['大气污染防治专项经费', '用于扬尘管控和重点行业治理'],
      ['水污染防治专项经费', '用于河流断面监测和入河排污口整治'],
      ['生态环境监测能力建设经费', '用于自动监测站运维'],
    ],
    goal: {
      expected: '改善空气和水环境质量，完成污染防治攻坚年度任务。',
      actual: '空气质量优良天数比例提高，国控断面水质全部达标，攻坚任务全面完成。',
    },
    counts: [
      ['整治入河排污口', '个', 40, 42],
      ['开展环境执法检查', '家次', 900, 956],
    ],
    quality: '国控断面水质达标率',
    deadline: ['年度环境质量公报发布', '6月5日', '6月5日'],
    economic: ['完成重点企业治理改造', '家', 25, 27],
    social: '突发环境事件处置率',
    ecological: ['空气质量优良天数比例', 85, 88],
    sustainable: ['自动监测数据有效传输率', 90, 96],
    satisfaction: ['公众生态环境满意度', 85, 88],
    problems: '一是部分企业治污设施运行不稳定；二是农村生活污水治理覆盖面仍然不足。',
    improvements: '一是推行在线监控全覆盖；二是分年度推进农村生活污水治理。',
  },
  {
    name: '示范市水利局',
    duties: [
      '负责水资源统一管理和节约用水',
      '负责水利工程建设和运行管理',
      '负责防汛抗旱和水旱灾害防御',
    ],
    internalUnits: ['办公室', '水资源管理科', '建设管理科', '农村水利科', '水旱灾害防御科'],
    subordinateUnits: ['示范市水库管理所'],
    staffing: [40, 25, 13],
    head: '褚润泽',
    filler: '卫琴',
    projects: [
      ['农村饮水安全巩固提升经费', '用于农村供水工程改造'],
      ['小型水库除险加固经费', '用于病险水库除险加固'],
      ['防汛抗旱专项经费', '用于防汛物资储备和应急抢险'],
    ],
    goal: {
      expected: '巩固提升农村饮水安全，消除小型水库安全隐患，确保安全度汛。',
      actual: '完成农村供水工程改造，除险加固水库全部完工，全年安全度汛。',
    },
    counts: [
      ['改造农村供水工程', '处', 18, 19],
      ['除险加固小型水库', '座', 6, 6],
    ],
    quality: '农村供水水质达标率',
    deadline: ['除险加固工程汛前完工', '4月30日', '4月26日'],
    economic: ['新增恢复灌溉面积', '亩', 5000, 5260],
    social: '农村自来水普及率',
    ecological: ['重点河湖生态流量达标率', 90, 92],
    sustainable: ['水利工程管护责任落实率', 95, 98],
    satisfaction: ['受益群众满意度', 90, 94],
    problems: '一是部分农村供水工程规模小、管护力量薄弱；二是防汛物资储备更新不够及时。',
    improvements: '一是推进供水工程规模化、专业化管护；二是建立防汛物资轮换更新制度。',
  },
  {
    name: '示范市文化旅游广电体育局',
    duties: [
      '负责公共文化服务体系建设',
      '负责文物保护和非物质文化遗产保护',
      '负责旅游市场管理和全民健身工作',
    ],
    internalUnits: ['办公室', '公共服务科', '文物科', '旅游市场管理科', '体育科'],
    subordinateUnits: ['示范市图书馆', '示范市文化馆'],
    staffing: [44, 22, 20],
    head: '沈文华',
    filler: '杨帆',
    projects: [
      ['公共文化服务体系建设经费', '用于图书馆、文化馆免费开放和送戏下乡'],
      ['文物保护专项经费', '用于重点文物修缮'],
      ['全民健身设施建设经费', '用于村级健身路径建设'],
    ],
    goal: {
      expected: '完善公共文化服务，保护文物和非遗资源，推动全民健身。',
      actual: '送戏下乡和免费开放全面完成，重点文物修缮如期竣工，健身设施覆盖面扩大。',
    },
    counts: [
      ['送戏下乡演出场次', '场', 120, 126],
      ['新建村级健身路径', '个', 30, 32],
    ],
    quality: '文物修缮工程验收合格率',
    deadline: ['重点文物修缮完工时间', '11月30日', '11月26日'],
    economic: ['接待游客人次', '万人次', 300, 318],
    social: '公共文化场馆免费开放率',
    ecological: ['景区垃圾分类设施覆盖率', 90, 95],
    sustainable: ['非遗项目传承人培训覆盖率', 80, 86],
    satisfaction: ['群众文化活动满意度', 90, 94],
    problems: '一是基层文化设施使用率不均衡；二是文物保护专业人才不足。',
    improvements: '一是推行群众点单式文化服务；二是与高校合作培养文物保护人才。',
  },
  {
    name: '示范市市场监督管理局',
    duties: [
      '负责市场主体登记注册和信用监管',
      '负责食品药品安全监督管理',
      '负责产品质量、特种设备安全和计量标准管理',
    ],
    internalUnits: ['办公室', '登记注册科', '食品安全科', '特种设备安全监察科', '综合执法大队'],
    subordinateUnits: ['示范市检验检测中心'],
    staffing: [70, 48, 18],
    head: '韩正平',
    filler: '曹颖',
    projects: [
      ['食品安全抽检经费', '用于食品安全监督抽检'],
      ['特种设备安全监察经费', '用于电梯、锅炉等特种设备检查'],
      ['市场主体信用监管经费', '用于“双随机、一公开”抽查'],
    ],
    goal: {
      expected: '守住食品安全底线，消除特种设备安全隐患，优化营商环境。',
      actual: '全年未发生重大食品安全事故，特种设备隐患全部整改，市场主体稳定增长。',
    },
    counts: [
      ['完成食品安全监督抽检', '批次', 3000, 3120],
      ['检查特种设备', '台', 4200, 4380],
    ],
    quality: '抽检不合格食品核查处置率',
    deadline: ['年度抽检计划完成时间', '11月30日', '11月15日'],
    economic: ['新登记市场主体', '户', 6500, 6810],
    social: '特种设备安全隐患整改率',
    ecological: ['企业登记全程电子化率', 90, 95],
    sustainable: ['双随机抽查覆盖率', 5, 6],
    satisfaction: ['市场主体满意度', 90, 92],
    problems: '一是基层监管人员少、任务重；二是部分小微经营户主体责任意识不强。',
    improvements: '一是推进智慧监管减轻基层负担；二是加强对小微经营户的培训和指导。',
  },
  {
    name: '示范市应急管理局',
    duties: [
      '负责安全生产综合监督管理',
      '负责自然灾害救助和应急救援体系建设',
      '负责应急物资储备和应急预案管理',
    ],
    internalUnits: [
      '办公室',
      '安全生产综合协调科',
      '应急指挥中心',
      '防灾减灾救灾科',
      '执法监察大队',
    ],
    subordinateUnits: [],
    staffing: [36, 26, 8],
    head: '秦安平',
    filler: '许佳',
    projects: [
      ['安全生产专项整治经费', '用于重点行业领域安全检查'],
      ['自然灾害救助资金', '用于受灾群众生活救助'],
      ['应急物资储备经费', '用于应急物资采购和仓储'],
    ],
    goal: {
      expected: '防范遏制生产安全事故，及时救助受灾群众，提升应急保障能力。',
      actual: '生产安全事故起数和死亡人数双下降，受灾群众得到及时救助，应急物资储备充足。',
    },
    counts: [
      ['检查生产经营单位', '家次', 2600, 2710],
      ['开展应急演练', '场', 40, 44],
    ],
    quality: '重大事故隐患整改率',
    deadline: ['年度应急预案修订完成时间', '10月31日', '10月20日'],
    economic: ['救助受灾群众', '人次', 1200, 1260],
    social: '受灾群众基本生活保障率',
    ecological: ['危化品企业在线监测接入率', 95, 100],
    sustainable: ['应急救援队伍达标率', 90, 95],
    satisfaction: ['受助群众满意度', 90, 93],
    problems: '一是部分企业安全投入不足；二是基层应急救援队伍装备配备不均衡。',
    improvements: '一是督促企业落实安全投入；二是分批补齐基层救援队伍装备。',
  },
  {
    name: '示范市司法局',
    duties: [
      '负责全面依法治市的统筹协调',
      '负责行政执法监督和行政复议',
      '负责公共法律服务体系建设和人民调解',
      '负责社区矫正和安置帮教工作',
    ],
    internalUnits: ['办公室', '法治督察科', '行政复议科', '公共法律服务科', '社区矫正科'],
    subordinateUnits: ['示范市公证处'],
    staffing: [42, 30, 9],
    head: '尤法明',
    filler: '施慧',
    projects: [
      ['法律援助专项经费', '用于困难群众法律援助'],
      ['人民调解工作经费', '用于人民调解员补贴和培训'],
      ['社区矫正工作经费', '用于社区矫正对象教育帮扶'],
    ],
    goal: {
      expected: '完善公共法律服务，化解矛盾纠纷，规范社区矫正管理。',
      actual: '法律援助应援尽援，矛盾纠纷调解成功率保持高位，社区矫正对象无重新犯罪。',
    },
    counts: [
      ['办理法律援助案件', '件', 1100, 1148],
      ['人民调解矛盾纠纷', '件', 5200, 5390],
    ],
    quality: '法律援助案件质量评查合格率',
    deadline: ['行政复议案件年度清结时间', '12月31日', '12月28日'],
    economic: ['为企业提供法治体检', '家', 150, 158],
    social: '符合条件的困难群众法律援助覆盖率',
    ecological: ['公共法律服务网上办理率', 60, 65],
    sustainable: ['人民调解成功率', 95, 97],
    satisfaction: ['受援群众满意度', 90, 96],
    problems: '一是基层调解员专业能力参差不齐；二是法律援助案件补贴标准偏低。',
    improvements: '一是分层分类开展调解员培训；二是按程序提高法律援助办案补贴标准。',
  },
  {
    name: '示范市审计局',
    duties: [
      '负责本级预算执行和其他财政收支审计',
      '负责领导干部经济责任审计和自然资源资产离任审计',
      '负责政府投资项目审计和审计整改督促',
    ],
    internalUnits: ['办公室', '财政审计科', '经济责任审计科', '投资审计科', '审计整改督查科'],
    subordinateUnits: [],
    staffing: [34, 27, 5],
    head: '吕审之',
    filler: '张洁',
    projects: [
      ['审计业务专项经费', '用于预算执行和专项资金审计'],
      ['政府投资审计经费', '用于委托中介机构开展工程审计'],
      ['审计信息化建设经费', '用于大数据审计平台运维'],
    ],
    goal: {
      expected: '完成年度审计项目计划，推动审计发现问题整改。',
      actual: '年度审计项目全部完成，审计发现问题整改率保持高位。',
    },
    counts: [
      ['完成审计项目', '个', 36, 38],
      ['审计政府投资项目', '个', 60, 63],
    ],
    quality: '审计报告复核通过率',
    deadline: ['本级预算执行审计报告报送时间', '6月30日', '6月25日'],
    economic: ['审计核减工程投资项目', '个', 40, 43],
    social: '审计发现问题整改督促覆盖率',
    ecological: ['自然资源资产审计覆盖乡镇占比', 30, 33],
    sustainable: ['大数据审计项目占比', 50, 55],
    satisfaction: ['被审计单位满意度', 90, 91],
    problems: '一是审计力量与审计任务不相适应；二是部分问题整改不够彻底。',
    improvements: '一是推进审计全覆盖与大数据审计；二是建立整改台账，跟踪销号。',
  },
  {
    name: '示范市统计局',
    duties: ['组织实施统计调查', '发布统计信息', '管理统计数据质量'],
    internalUnits: ['办公室', '综合股', '调查股', '数据管理股', '执法股'],
    subordinateUnits: [],
    staffing: [40, 30, 8],
    head: '张明',
    filler: '李华',
    projects: [
      ['经济普查工作经费', '用于经济普查入户登记和数据处理'],
      ['统计调查专项经费', '用于常规统计调查'],
      ['统计信息化运维经费', '用于统计业务系统运行维护'],
    ],
    goal: {
      expected: '按时完成各项统计调查，提高统计数据质量和服务水平。',
      actual: '各项统计调查按时完成，数据质量和服务水平稳步提高。',
    },
    counts: [
      ['开展统计调查项目', '项', 12, 12],
      ['发布统计信息', '条', 200, 215],
    ],
    quality: '统计数据按时报送率',
    deadline: ['年度统计公报发布', '12月31日', '12月20日'],
    economic: ['统计服务企业数', '家', 100, 108],
    social: '统计数据公开率',
    ecological: ['无纸化报送率', 90, 92],
    sustainable: ['统计制度执行率', 95, 98],
    satisfaction: ['社会公众或服务对象满意度', 90, 95],
    problems: '一是绩效目标的量化程度还需提高；二是预算执行进度前松后紧。',
    improvements: '一是细化绩效目标和指标；二是按月分析预算执行进度。',
  },
];

function leaf(node: IndicatorNode, name: string, target: string, actual: string): IndicatorNode {
  return { ...node, name, target: parseExpression(target), actual: parseExpression(actual) };
}

/** The template's leaves replaced, place by place, with the unit's own. */
function ownIndicators(nodes: readonly IndicatorNode[], p: UnitProfile, year: number) {
  const count = ([name, unit, target, actual]: Count) => [
    name,
    `≥${target}${unit}`,
    `${actual}${unit}`,
  ];
  const rate = ([name, target, actual]: Rate) => [name, `≥${target}%`, `${actual}%`];
  const [deadlineName, due, done] = p.deadline;
  const dated = (day: string) => `${year}年${day}`;
  const own: string[][] = [
    count(p.counts[0]),
    count(p.counts[1]),
    [p.quality, '=100%', '100%'],
    [deadlineName, `${dated(due)}前完成`, `${dated(done)}完成`],
    [],
    count(p.economic),
    [p.social, '=100%', '100%'],
    rate(p.ecological),
    rate(p.sustainable),
    rate(p.satisfaction),
  ];
  let i = 0;
  const walk = (list: readonly IndicatorNode[]): IndicatorNode[] =>
    list.map((node) => {
      if (node.children !== undefined && node.children.length > 0)
        return { ...node, children: walk(node.children) };
      if (node.target === undefined) return node; // 预算执行率
      const mine = own[i];
      i += 1;
      const [name, target, actual] = mine ?? [];
      return name === undefined || target === undefined || actual === undefined
        ? node
        : leaf(node, name, target, actual);
    });
  return walk(nodes);
}

/**
 * The template evaluation made the unit's own for a year: its duties, structure, staffing,
 * projects (the template's amounts under its own names), indicators, goals and every chapter's
 * words, dated in that year. Amounts stay the template's; the generator scales them.
 */
export function unitBody(
  template: DepartmentEvaluation,
  p: UnitProfile,
  year: number,
): DepartmentEvaluation {
  const [authorized, admin, institution] = p.staffing;
  const actual = admin + institution;
  const rate = ratioPercent(actual, authorized, 2)?.rounded ?? 0;
  const statedRate = { value: rate, decimals: 2, text: `${rate.toFixed(2)}%` };
  // The writer states the opening, the structure, the spending and the other budgets from the
  // data; the unit's own words go where it speaks for itself, so nothing is said twice.
  const paragraphs: Record<string, string[]> = {
    opening: [],
    overview: [],
    budget: [],
    otherBudgets: [],
    performance: [`围绕“${p.goal.expected.replace(/。$/, '')}”的年度目标，${p.goal.actual}`],
    problems: [p.problems],
    improvements: [p.improvements],
  };
  const body = {
    ...template,
    meta: {
      ...template.meta,
      unitName: p.name,
      year,
      title: `${year}年度${p.name}部门整体支出绩效自评报告`,
      head: p.head,
      filler: p.filler,
      reportDate: `${year + 1}-04-15`,
    },
    duties: p.duties,
    internalUnits: p.internalUnits,
    subordinateUnits: p.subordinateUnits.map((name) => ({ name, kind: '事业' })),
    staffing: {
      ...template.staffing,
      authorized,
      actual,
      categories: [
        { name: '行政', count: admin },
        { name: '事业', count: institution },
      ],
      statedControlRate: statedRate,
    },
    goals: [p.goal],
    projectExpenditure:
      template.projectExpenditure === undefined
        ? undefined
        : {
            ...template.projectExpenditure,
            projects: template.projectExpenditure.projects.map((project, i) => ({
              ...project,
              name: p.projects[i]?.[0] ?? project.name,
              // The writer says 主要用于 itself.
              purpose: (p.projects[i]?.[1] ?? project.purpose ?? '').replace(/^用于/, ''),
            })),
          },
    baseData:
      template.baseData === undefined
        ? undefined
        : {
            ...template.baseData,
            staffing: {
              ...template.baseData.staffing,
              authorized,
              actual,
              statedControlRate: statedRate,
            },
            projectRows: template.baseData.projectRows.map((row, i) => ({
              ...row,
              name: p.projects[i]?.[0] ?? row.name,
            })),
          },
    indicators: ownIndicators(template.indicators, p, year),
    chapters: template.chapters.map((chapter) => {
      const own = paragraphs[chapter.key];
      return own === undefined ? chapter : { ...chapter, paragraphs: own };
    }),
  };
  return DepartmentEvaluation.parse(body);
}

/** 0.01 万元 in 分: demo amounts are whole to the cent of 万元 the report prints. */
const CENT_OF_WAN = 10_000;

const toCents = (fen: number) => Math.round(fen / CENT_OF_WAN) * CENT_OF_WAN;

function wanAmount(fen: number): Amount {
  const f = toFen(fen);
  return { fen: f, unit: '万元', text: formatFen(f, '万元') };
}

function percent(part: number, whole: number): Percent | undefined {
  const value = ratioPercent(part, whole, 2)?.rounded;
  return value === undefined ? undefined : { value, decimals: 2, text: `${value.toFixed(2)}%` };
}

/**
 * The year's spending at `rate` of the budget, stated the same everywhere it appears: the fund
 * block's total and its parts (basic spending in full, the projects the rest), 基本支出 with
 * 人员经费 and 公用经费, 项目支出 with each project, the base data table, the cost ceiling and
 * the execution indicator with its score and deduction. Every stated rate and share is computed
 * from the amounts stated, so the arithmetic is clean.
 */
export function executeAt(body: DepartmentEvaluation, rate: number): DepartmentEvaluation {
  const { total, basic, project } = body.funds;
  const budget = total?.budget?.fen;
  if (total === undefined || budget === undefined) return body;
  const executed = toCents(budget * Math.min(1, rate));
  const basicExecuted = Math.min(toCents(basic?.budget?.fen ?? 0), executed);
  const projectExecuted = executed - basicExecuted;
  const personnel = toCents(basicExecuted * 0.8);
  const splits = [0.5, 0.3];
  const parts = splits.map((s) => toCents(projectExecuted * s));
  parts.push(projectExecuted - parts.reduce((a, b) => a + b, 0));
  const score = Math.min(10, ratioPercent(executed, budget * 10, 2)?.rounded ?? 0);
  const ratePercent = percent(executed, budget);
  const spent = <T extends object>(row: T, fen: number) => ({ ...row, executed: wanAmount(fen) });
  const indicators = body.indicators.map((node, i) => {
    if (i === 0) {
      const weight = node.weight ?? 10;
      return {
        ...node,
        score,
        deduction: sumPoints([weight, -score]),
        ...(ratePercent ? { actual: parseExpression(`${ratePercent.value.toFixed(2)}%`) } : {}),
      };
    }
    return node;
  });
  const ceiling = (nodes: IndicatorNode[]): IndicatorNode[] =>
    nodes.map((node) => {
      if (node.children !== undefined) return { ...node, children: ceiling(node.children) };
      const t = node.target;
      if (t?.kind === 'quantity' && t.comparator === '<=' && t.unit === '万元')
        return {
          ...node,
          target: parseExpression(`≤${formatFen(toFen(budget), '万元')}万元`),
          actual: parseExpression(`${formatFen(toFen(executed), '万元')}万元`),
        };
      return node;
    });
  const be = body.basicExpenditure;
  const pe = body.projectExpenditure;
  return DepartmentEvaluation.parse({
    ...body,
    funds: {
      ...body.funds,
      total: {
        ...total,
        executed: wanAmount(executed),
        ...(ratePercent ? { statedRate: ratePercent } : {}),
        statedScore: score,
      },
      ...(body.funds.generalPublic
        ? { generalPublic: { ...body.funds.generalPublic, executed: wanAmount(executed) } }
        : {}),
      ...(basic ? { basic: spent(basic, basicExecuted) } : {}),
      ...(project ? { project: spent(project, projectExecuted) } : {}),
    },
    basicExpenditure: {
      ...be,
      actual: wanAmount(basicExecuted),
      statedCompletion: percent(basicExecuted, be.budget?.fen ?? basicExecuted),
      personnel: { amount: wanAmount(personnel), statedShare: percent(personnel, basicExecuted) },
      publicFunds: {
        amount: wanAmount(basicExecuted - personnel),
        statedShare: percent(basicExecuted - personnel, basicExecuted),
      },
    },
    projectExpenditure: {
      ...pe,
      actual: wanAmount(projectExecuted),
      statedCompletion: percent(projectExecuted, pe.budget?.fen ?? projectExecuted),
      projects: pe.projects.map((line, i) => ({
        ...line,
        actual: wanAmount(parts[i] ?? 0),
        statedShare: percent(parts[i] ?? 0, projectExecuted),
      })),
    },
    baseData:
      body.baseData === undefined
        ? undefined
        : {
            ...body.baseData,
            ...(body.baseData.projects
              ? { projects: { ...body.baseData.projects, actual: wanAmount(projectExecuted) } }
              : {}),
            projectRows: body.baseData.projectRows.map((row, i) => ({
              ...row,
              actual: wanAmount(parts[i] ?? 0),
            })),
          },
    indicators: ceiling(indicators),
  });
}
