/**
 * 简体中文 words for the end of a plan's life (第九条(三)): ops ending it before its term, and what an
 * evaluation found short of what the application expected.
 */
export const planEndZhCN = {
  'ended.applicant':
    '经营管理部{by}决定提前结束您的个性化方案 {id}:优惠有效至 {lastDay},此后作废,业务支撑中心将为客户恢复标准资费。原因:{why}',
  'ended.channel': '提前结束:个性化方案 {id}({unitName})经经营管理部决定提前结束,有效期至 {lastDay}。',
  'history.ended_early': '提前结束方案',
  'endsEarly.history': '优惠有效至 {lastDay}。原因:{why}',
  'endsEarly.title': '{who}(经营管理部)已决定提前结束本方案,优惠有效至 {lastDay}',
  'endsEarly.titleExpired': '本方案经{who}(经营管理部)决定提前结束,优惠已于 {lastDay} 止',
  'endsEarly.hint': '{lastDay} 之后优惠作废,业务支撑中心将为客户恢复标准资费;如需继续,届时请重新申请。',
  'endsEarly.term': '{term}(已提前至 {lastDay} 结束)',
  'bot.ended':
    '已提前结束 {id}:优惠有效至 {lastDay}。申请人和所在单位已收到通知;次日起业务支撑中心将收到恢复标准资费的任务。',
  'shortfall.revenue': '实际收入',
  'shortfall.subscribers': '实际用户数',
  'shortfall.both': '实际收入和用户数',
  'detail.evaluation.label': '第 {period} 期评估',
  'detail.evaluation.short': '{shortOn}低于预期。{figures}',
  'detail.evaluation.onPace': '达到预期。{figures}',
  'detail.evaluation.figures':
    '收入 {actual}(预期 {expectedRevenue}),用户 {subscribers} 户(预期 {expectedSubscribers} 户)',
  'detail.evaluation.figuresRevenueOnly': '收入 {actual}(预期 {expectedRevenue}),用户 {subscribers} 户',
} as const;
