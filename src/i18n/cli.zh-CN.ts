/**
 * 简体中文 of the command line: its usage, one block per command (`plandesk <command> --help` prints one,
 * `plandesk --help` all of them), what it says about its options, and its progress lines.
 */
export const cliZhCN = {
  'cli.usage.head': '用法:plandesk <命令> [选项] [--lang en]',
  'cli.usage.label': '用法:',
  'cli.usage.foot': `环境变量 PLANDESK_DB 指定数据库文件(默认 ./data/plandesk.db)。
plandesk <命令> --help(或 -h)显示该命令的用法。`,
  'cli.usage.lang': '    --lang en  用英文输出(默认中文)',
  'cli.usage.preview': `preview --application 申请.json [--catalog 目录.csv] [--policy 政策.yaml] [--at YYYY-MM-DD]
    预审一份申请:不能提交 / 无需个性化方案 / 需要审批(档位、审批步骤与理由,以及怎样可以通过),输出 JSON`,
  'cli.usage.simulate': `simulate --policy 草案.yaml
    用草案政策重新评估已存的全部申请,列出档位会变化的申请`,
  'cli.usage.catalog_import': `catalog import 目录.csv [--by 导入人]
    导入新一版产品目录(旧版保留)`,
  'cli.usage.policy_import': `policy import 政策.yaml --effective YYYY-MM-DD [--by 导入人]
    导入新一版审批政策,自指定日期起生效(旧版保留)`,
  'cli.usage.directory_import': `directory import 通讯录.yaml [--by 导入人] [--reassign 原审批人=接手人 ...]
    导入新一版通讯录(旧版保留)并列出变化;若有人被移除或失去角色而其待办审批无人接手,
    则拒绝导入(退出码 2,不写入任何内容),用 --reassign(AAD 对象 ID 或邮箱)指定接手人`,
  'cli.usage.tick': `tick [--now 2027-03-01T09:00+08:00]
    运行到期的定时任务(提醒、逾期、到期),并发送由此产生的通知`,
  'cli.usage.migrate': `migrate --from sqlite:./data/plandesk.db --to cosmos [--verify]
    将试点库迁移到 Cosmos DB(COSMOS_ENDPOINT、COSMOS_KEY、COSMOS_DATABASE),按类别输出条数(JSON);
    可重复运行,已有的条目跳过。--verify 不复制任何数据,只逐条比对两个库(有差异时退出码为 1)`,
  'cli.usage.audit_verify': `audit verify
    逐条核验审计记录的哈希链:完整时输出条数;有记录被改动、删除或加入,或检查点不是 PLANDESK_AUDIT_KEY 所签
    (被改写或回退)时退出码为 1,并指出第一处;未设置密钥时注明"unsigned"(未签名)`,
  'cli.usage.audit_sign': `audit sign
    用 PLANDESK_AUDIT_KEY 为完整的链签署检查点:设置密钥之前写入的,或由 PLANDESK_AUDIT_PREVIOUS_KEY 签的(换密钥);
    遇到第一条断裂的链时退出码为 1,其检查点不签`,
  'cli.usage.export_applications': `export applications [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit 单位 ...] [--state 状态 ...] --out 方案.csv|方案.xlsx
    按提交日期(上海时间,含首尾两日)、单位和状态导出申请,每份一行(经济指标、档位、审批路径与记录、评估、抽检结论),
    逐页读取;CSV 为带 BOM 的 UTF-8,以 = + - @ 开头的文字前加 ' 以防被当作公式`,
  'cli.usage.export_audit': `export audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out 审计.csv
    按写入顺序导出审计记录,每条一行,含前一条哈希与本条哈希`,
  'cli.usage.report': `report 2026-11 [--json]
    某月的个性化方案月报(与 Teams 中“报表”的数字相同);--json 输出 JSON`,
  'cli.usage.progress_note': '在终端中运行时,耗时较长的工作在 stderr 显示进度(条数、速度、预计剩余时间)。',
  'error.unknown_option': '不认识的选项 {option}。',
  'error.option_needs_value': '选项 {option} 需要一个值。',
  'error.option_takes_no_value': '选项 {option} 不带值。',
  'error.unexpected_argument': '多余的参数 {argument}。',
  'error.schema_too_new':
    '数据库 {path} 由较新版本的 PlanDesk 写入(结构版本 {found}),本版本只认识到结构版本 {known}:未做任何改动。请升级 PlanDesk 后再打开它。',
  'cli.progress.counted': '{what}:{count} 条,每秒 {rate} 条',
  'cli.progress.estimated': '{what}:{count} / {total} 条,每秒 {rate} 条,约剩 {left}',
  'cli.progress.seconds': '{n} 秒',
  'cli.progress.minutes': '{n} 分钟',
  'cli.progress.what.migrate': '迁移',
  'cli.progress.what.export': '导出',
  'cli.progress.what.simulate': '重新评估',
  'cli.progress.what.import': '导入',
} as const;
