/** 简体中文: PlanDesk's default language. Every key here must exist in en-US.ts too (the type checks it). */
export const zhCN = {
  'help.title': 'PlanDesk 个性化方案助手',
  'help.intro': '集团业务个性化方案的申请、审批与生命周期管理。营销单位无审批权,审批集中在集客部。',
  'help.commands': '可以这样说',
  'help.cmd.new': '新建 — 填写一份个性化方案申请',
  'help.cmd.mine': '我的 — 查看我提交的申请及其进度',
  'help.cmd.pending': '待办 — 查看等待我审批或受理的事项',
  'help.cmd.show': '查看 PP-2027-000123 — 查看一份申请及其历史',
  'help.cmd.help': '帮助 — 再次显示本说明',
  'help.footer': '方案内容保密,仅申请人、审批人、受理人、稽核与管理员可见。',

  'outcome.blocked': '不能提交',
  'outcome.not_needed': '无需个性化方案',
  'outcome.routed': '需要审批',

  'kind.tariff_discount': '资费折扣',
  'kind.promo_subsidy': '促销补贴',
  'kind.agent_commission': '代理酬金',

  'measure.margin': '毛利率',
  'measure.discount_depth': '折扣深度',
  'measure.subsidy': '补贴比例',
  'measure.commission': '酬金比例',
  'measure.contract_value': '按标准资费计的合同金额',

  'step.cooperation': '合作管理部审批',
  'step.ops_review': '经营管理部审批',
  'step.leadership': '集客部领导审批',
  'step.ops_final': '经营管理部综合审核',

  'reason.unknown_unit': '营销单位“{unit}”不在通讯录中,请确认单位或联系管理员。',
  'reason.unknown_activity': '营销活动“{activity}”不在当前产品目录中。新增营销活动需先与产品创新与行业应用中心沟通。',
  'reason.unknown_product': '第 {line} 行的产品“{product}”不在当前产品目录中。',
  'reason.product_not_in_activity': '第 {line} 行的产品“{product}”不属于营销活动“{activity}”。',
  'reason.not_issued': '第 {line} 行的产品“{product}”状态为“{status}”,不是已正式发文的业务。',
  'reason.kind_not_allowed': '营销活动“{activity}”未定义“{kindName}”。新增资费或营销活动需先与产品创新与行业应用中心提前沟通,并填写提前沟通编号。',
  'reason.term_out_of_range': '有效期 {term} 个月不在 1 至 {max} 个月之间。',
  'reason.start_in_past': '起始月份 {start} 早于本月({current})。',
  'reason.line_below_cost': '第 {line} 行“{product}”的申请单价 ¥{proposed} 低于单位成本 ¥{cost}。',
  'reason.below_cost': '方案收入 ¥{revenue} 低于成本 ¥{cost},差额 ¥{shortfall}(毛利率 {margin}%),不得低于成本。',
  'reason.within_branch_authority': '申请在营销活动“{activity}”的分公司权限之内,无需个性化方案,可直接按标准营销活动办理。',
  'reason.catalog_stale': '产品目录(第 {version} 版,{importedOn} 导入)已超过一个月未更新,成本与标准资费可能已变化。',
  'tier.all_within': '各项指标均在 {tier} 标准之内。',
  'tier.below': '{measureName} {value}% 低于 {tier} 的标准 {limit}%,故为 {next}。',
  'tier.above': '{measureName} {value}% 高于 {tier} 的上限 {limit}%,故为 {next}。',
  'tier.above_value': '{measureName} ¥{value} 高于 {tier} 的上限 ¥{limit},故为 {next}。',

  'cli.usage': `用法:plandesk <命令> [选项] [--lang en]
  preview --application 申请.json [--catalog 目录.csv] [--policy 政策.yaml] [--at YYYY-MM-DD]
      预审一份申请:不能提交 / 无需个性化方案 / 需要审批(档位、审批步骤与理由),输出 JSON
  simulate --policy 草案.yaml
      用草案政策重新评估已存的全部申请,列出档位会变化的申请
  catalog import 目录.csv [--by 导入人]
      导入新一版产品目录(旧版保留)
  policy import 政策.yaml --effective YYYY-MM-DD [--by 导入人]
      导入新一版审批政策,自指定日期起生效(旧版保留)
环境变量 PLANDESK_DB 指定数据库文件(默认 ./data/plandesk.db)。`,
  'error.invalid_field': '“{field}”填写有误:{problem}',
  'error.required': '必填',
  'error.not_a_number': '应为数字',
  'error.not_an_integer': '应为整数',
  'error.too_small': '不能小于 {min}',
  'error.too_large': '不能大于 {max}',
  'error.bad_percent': '应为 0 到 100 之间、最多两位小数的百分比',
  'error.bad_month': '应为 YYYY-MM 格式的月份',
  'error.bad_date': '应为 YYYY-MM-DD 格式的日期',
  'error.wrong_type': '类型应为 {expected}',
  'error.too_few': '至少需要 {min} 项',
  'error.too_many': '最多 {max} 项',
  'error.too_long': '不能超过 {max} 个字',
  'error.unknown_field': '不认识的字段:{keys}',
  'error.not_one_of': '应为以下之一:{options}',
  'error.other': '{detail}',
  'error.duplicate': '与前面重复:{value}',
  'error.unknown_reference': '引用了不存在的 {value}',
  'error.missing_column': '缺少列:{columns}',
  'error.activity_mismatch': '与第 {line} 行同一营销活动的 {column} 不一致',
  'error.tier_order': '档位应依次为 tier1、tier2、tier3',
  'error.bad_kind_list': '应为以 | 分隔的 tariff_discount、promo_subsidy、agent_commission',
  'error.empty_file': '文件为空或没有数据行',
  'error.catalog_version_missing': '找不到产品目录第 {version} 版。',
  'error.stale_version': '申请 {id} 已被他人更新,请刷新后重试。',
  'error.unknown_command': '不认识的命令“{command}”。',
  'error.unexpected': '出现意外错误({detail}),操作未完成,数据未丢失。',
  'error.turn_failed': '抱歉,处理您的消息时出错了。请稍后再试;如果问题持续,请联系管理员并提供错误编号 {ref}。',
  'error.malformed_json': '不是有效的 JSON:{detail}',
  'error.file_not_found': '找不到文件 {path}。',
  'error.file_unreadable': '无法读取文件 {path}:{detail}',
  'error.no_catalog': '还没有导入产品目录。请先执行 plandesk catalog import。',
  'error.no_policy': '{date} 没有生效的审批政策。请先执行 plandesk policy import。',
} as const;

export type StringKey = keyof typeof zhCN;
