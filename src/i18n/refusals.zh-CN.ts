/**
 * 简体中文 words for every refusal (`refusal.<code>`, picked by describeRefusal) and for the
 * approver roles a refusal may name (`role.<role>`). Each says what happened and what to do next,
 * for someone who meets it for the first time.
 */
export const refusalsZhCN = {
  // Deciding a step.
  'refusal.not_an_approver': '您不是这一步的审批人(或其代理人),不能操作。',
  'refusal.own_application': '不能审批自己提交的申请。',
  'refusal.no_approval_authority': '营销单位没有审批权(第六条),审批由集客部各相关部门负责。',
  'refusal.already_decided': '这一步已经处理过了,以下是当前状态。',
  'refusal.stale_card': '这张卡片已过期(申请已更新),以下是当前状态。',
  'refusal.comment_required': '请填写理由后再提交:驳回时写明原因,退回时写明需要修改的内容。',
  'refusal.not_ops_head': '只有经营管理部负责人可以转交他人的审批步骤。',
  'refusal.already_assigned': '这一步已经由该人员负责,无需转交。',
  'refusal.lacks_role': '只能交给具有“{role}”角色的人员。',
  'refusal.no_absence': '您目前没有登记中的休假。',
  // Exporting plans.
  'refusal.not_exporter': '导出方案仅限经营管理部、集客部领导和稽核。如需查看方案,请发送“列表”。',
  'refusal.export_already_sent': '这份导出已经发送过了,文件在上方。如需最新数据,请再次发送“导出”。',
  'refusal.absence.bad_range': '休假的结束日期早于开始日期,请检查。',
  'refusal.absence.in_past': '这段休假已经结束,无需登记。',
  'refusal.absence.overlaps': '这段休假与您已登记的休假重叠;如需修改,请先发送“休假 取消”。',
  'refusal.absence.stand_in_self': '代理人不能是您自己。',
  'refusal.absence.stand_in_unknown': '通讯录中找不到这位代理人,请写姓名或邮箱。',
  'refusal.absence.stand_in_cannot_decide':
    '这位代理人无权审批您的步骤:代理人须与您有相同的审批角色,或是通讯录中您的代理人。',
  'refusal.absence.stand_in_away': '这位代理人在这段时间也在休假,请另选一位。',
  'refusal.cannot_escalate': '这一步不能上报领导:只有经营管理部的审核可以上报,且每份申请只上报一次。',
  // The applicant's own acts.
  'refusal.not_the_applicant': '只有申请人本人可以这样做。',
  'refusal.not_withdrawable': '申请已有最终结果,不能撤回。',
  'refusal.not_returned': '只有被退回修改的申请才能修改后重新提交;以下是它现在的状态。',
  'refusal.not_expired': '只有已到期的方案才能重新申请;以下是它现在的状态。',
  'refusal.not_active': '该方案当前不在执行中,此操作不适用;以下是它现在的状态。',
  'refusal.no_evaluation_due': '这一期的评估现在不需要填报(可能已填报过)。',
  // Ending a plan before its term (第九条(三)).
  'refusal.not_ops': '只有经营管理部(审批人或负责人)可以提前结束方案。',
  'refusal.already_ending': '该方案已定于 {lastDay} 提前结束,无需再次结束。',
  'refusal.end_reason_required': '请写明提前结束方案的原因(例如评估未达预期、已处于生命周期末期)。',
  'refusal.end_reason_too_long': '原因最多 {max} 个字,请精简后再提交。',
  'refusal.end_date_required': '请选择方案的最后一天(优惠有效至哪一天)。',
  'refusal.end_date_past': '最后一天 {date} 已经过去(今天是 {today}),请选择今天或以后的日期。',
  'refusal.end_date_after_term':
    '最后一天 {date} 晚于方案原定的最后一天 {lastDay}:提前结束不能延长方案,请选择 {lastDay} 或更早的日期。',
  // Questions to the applicant (询问 / 回答, issue 12).
  'refusal.question_open': '这一步已有一个询问在等待申请人回答,回答后才能再问。您仍可直接审批。',
  'refusal.no_open_question': '这个询问已经关闭(已回答,或审批人已作出决定),无需再回答;以下是当前状态。',
  'refusal.text_required.question': '请先写下要问申请人的问题,再点“发送询问”。',
  'refusal.text_required.answer': '请先写下您的回答,再点“提交回答”。',
  'refusal.text_too_long.comment': '意见最多 {max} 个字,现在有 {length} 个字,请精简后再提交;审批尚未记录。',
  'refusal.text_too_long.note': '受理备注最多 {max} 个字,现在有 {length} 个字,请精简后再提交;尚未标记为已完成。',
  'refusal.text_too_long.finding': '抽检结论最多 {max} 个字,现在有 {length} 个字,请精简后再提交;尚未记录。',
  'refusal.text_too_long.words':
    '频道绑定的对象最多 {max} 个字(现在有 {length} 个字),请填写单位编号或 ops、support、auditors。',
  'refusal.text_too_long.question': '问题最多 {max} 个字,现在有 {length} 个字,请精简后再发送。',
  'refusal.text_too_long.answer': '回答最多 {max} 个字,现在有 {length} 个字,请精简后再提交。',
  // Fulfillment.
  'refusal.not_a_handler': '只有业务支撑中心的受理人可以标记受理完成。',
  'refusal.not_in_fulfillment': '该申请当前不在受理中(可能已标记完成),无需再标记。',
  // The directory and the reference data a judgement needs.
  'refusal.no_approver':
    '通讯录中没有“{role}”角色的人员,申请无法送到这一审批环节。请联系管理员在通讯录中补上该角色后再试。',
  'refusal.no_directory': '尚未导入通讯录,PlanDesk 还不知道各人的单位和角色。请联系管理员导入通讯录。',
  'refusal.no_catalog':
    '还没有导入产品目录,暂时无法预审或提交。目录由产品创新与行业应用中心提供,请管理员用 plandesk catalog import 导入。',
  'refusal.no_policy':
    '{date} 没有生效的审批政策,暂时无法预审或提交。政策由经营管理部制定,请管理员用 plandesk policy import 导入。',
  'refusal.catalog_version_missing': '找不到该申请所用的产品目录第 {version} 版,无法重新核算。请联系管理员。',
  // Someone saved the same application between this person's read and write.
  'refusal.stale_version': '申请刚被他人更新,请重试。',
  // Who may see or do what.
  'refusal.not_found': '找不到申请 {id},请核对编号(格式如 PP-2027-000123)。',
  'refusal.not_allowed': '方案内容保密,您无权查看 {id}。',
  'refusal.preview_not_allowed':
    '方案预审(含成本与毛利)只对营销单位的客户经理和经营管理部开放。如需提交申请,请联系管理员在通讯录中设置您的角色。',
  'refusal.not_an_applicant':
    '只有营销单位的客户经理可以为本单位提交申请(单位:{unit})。如您负责该单位的业务,请联系管理员更新通讯录。',
  'refusal.not_admin': '只有 PlanDesk 管理员可以这样做,请联系管理员。',
  'refusal.unknown_unit': '通讯录中没有单位“{unit}”,请核对单位编号。',
  // Spot checks.
  'refusal.not_auditor': '只有稽核人员可以记录抽检结论。',
  'refusal.not_sampled': '{id} 不在本月或上月的抽检样本中,请核对编号。',
  'refusal.note_required': '记录“问题”时请写明说明。',

  // People kept on cards by an admin (人员).
  'refusal.directory_changed':
    '这张卡片打开之后,通讯录已更新为第 {version} 版,刚才的修改未保存。请在刷新后的卡片上核对并重新保存。',
  'refusal.no_such_person': '通讯录中没有“{who}”,可能已被移除。发送“人员”查看当前人员。',
  'refusal.person_exists.id': '此 Teams 账号已在通讯录中(“{name}”),未作修改。请发送“人员 {name}”后点“修改”。',
  'refusal.person_exists.email': '这个邮箱已属于“{name}”,未作修改。请检查邮箱。',
  'refusal.person_field': '“{field}”:{problem}',
  'refusal.person_field.unit': '营销单位',
  'refusal.person_field.covers': '负责的单位',
  'refusal.person_field.delegate': '代理人',
  'refusal.person_field.head': '上级',
  'refusal.person_field.required_for_applicant': '客户经理(申请人)必须选择所属营销单位。',
  'refusal.person_field.unknown': '所选的已不在通讯录中,请重新选择。',
  'refusal.person_field.self': '不能选此人自己。',
  'refusal.person_referenced.delegate': '{by} 的代理人是 {name},不能移除。请先为 {by} 另选代理人。',
  'refusal.person_referenced.head': '{by} 的上级是 {name},不能移除。请先为 {by} 另选上级。',
  'refusal.person_referenced.stand_in': '{by} 休假期间由 {name} 代理,不能移除。请 {by} 先取消或另行登记休假。',
  'refusal.last_admin': '这样修改后通讯录中将没有管理员,未作修改。请先为另一位同事加上“管理员”角色。',
  'refusal.open_steps.no_target': '{name} 还有待审批的步骤({steps}),未作修改。请在“其待办转交给”中选择接手人后再保存。',
  'refusal.open_steps.target_not_in_directory': '{name} 还有待审批的步骤({steps}),所选接手人不在通讯录中,未作修改。',
  'refusal.open_steps.target_lacks_role':
    '{name} 还有待审批的步骤({steps}),{who} 没有审批这些步骤所需的角色,未作修改。请另选接手人。',
  'refusal.open_steps.target_is_applicant':
    '{name} 还有待审批的步骤({steps}),{who} 是其中一份申请的申请人,不能审批,未作修改。请另选接手人。',
  'role.applicant': '客户经理(申请人)',
  'role.catalog_owner': '产品目录维护人',
  'role.support_handler': '业务支撑中心受理人',
  'role.auditor': '稽核',
  'role.admin': '管理员',
  'role.cooperation_approver': '合作管理部审批人',
  'role.ops_approver': '经营管理部审批人',
  'role.ops_head': '经营管理部负责人',
  'role.leader': '集客部领导',
} as const;
