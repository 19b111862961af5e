// Airline reply templates: the texts agents start from most often; placeholders are filled by lib/complaints.
import type { ReplyTemplateTemplate } from "./types";

export const AIRLINE_REPLIES: ReplyTemplateTemplate[] = [
  {
    code: "ack-received",
    nameZh: "受理确认",
    nameEn: "Acknowledgement",
    subjectZh: "您的投诉已受理（{{complaint.reference}}）",
    subjectEn: "We have received your complaint ({{complaint.reference}})",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n您好！您反馈的问题已受理，编号 {{complaint.reference}}。我们将在48小时内给您答复，您也可以通过以下链接随时查看处理进度：{{complaint.trackingUrl}}\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nThank you for contacting us. Your complaint has been registered as {{complaint.reference}}. We will reply within 48 hours; you can follow its progress at {{complaint.trackingUrl}}\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "delay-apology",
    categoryCode: "FLT",
    nameZh: "航班延误致歉",
    nameEn: "Flight delay apology",
    subjectZh: "关于航班{{complaint.flightNumber}}延误的致歉",
    subjectEn: "Our apologies for the delay of flight {{complaint.flightNumber}}",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n对于航班{{complaint.flightNumber}}延误给您的出行带来的不便，我们深表歉意。经核实，本次延误原因为{{complaint.rootCause}}。根据我司不正常航班服务规定，我们为您提供{{compensation.amount}}元的补偿，将在7个工作日内发放。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nWe sincerely apologise for the delay of flight {{complaint.flightNumber}}. Our investigation shows it was caused by {{complaint.rootCause}}. Under our irregular-operations policy we are offering compensation of CNY {{compensation.amount}}, which will be issued within 7 working days.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "baggage-tracing",
    categoryCode: "BAG",
    nameZh: "行李查询进展",
    nameEn: "Baggage tracing update",
    subjectZh: "您的行李查询进展（{{complaint.reference}}）",
    subjectEn: "Update on your baggage trace ({{complaint.reference}})",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n我们已通过全球行李查询系统为您追踪行李，目前已定位到行李所在站点，预计将于24小时内送达您登记的地址。如有任何变化，我们会第一时间与您联系。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nWe have traced your bag through the worldwide tracing system and located it. It will be delivered to the address you gave us within 24 hours; we will contact you immediately if anything changes.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "baggage-damage-settlement",
    categoryCode: "BAG",
    nameZh: "行李破损赔偿方案",
    nameEn: "Damaged baggage settlement",
    subjectZh: "行李破损赔偿方案（{{complaint.reference}}）",
    subjectEn: "Settlement for your damaged baggage ({{complaint.reference}})",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n对您托运行李受损一事我们深表歉意。根据您提供的照片和维修报价，我们拟为您赔偿{{compensation.amount}}元。如您同意，请回复本邮件确认收款账户。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nWe are sorry that your checked bag was damaged. Based on your photos and the repair quote we propose a settlement of CNY {{compensation.amount}}. Please reply to confirm the account for payment.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "refund-processing",
    categoryCode: "TKT",
    nameZh: "退款处理中",
    nameEn: "Refund in progress",
    subjectZh: "您的退款正在处理（{{complaint.reference}}）",
    subjectEn: "Your refund is being processed ({{complaint.reference}})",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n您的退票申请已审核通过，退款将按原支付路径退回，预计7个工作日内到账。若届时仍未收到，请回复本邮件，我们将为您跟进。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nYour refund has been approved and will be returned to the original payment method within 7 working days. If it has not arrived by then, reply to this e-mail and we will follow up.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "miles-credited",
    categoryCode: "FFP",
    nameZh: "里程补登完成",
    nameEn: "Missing miles credited",
    subjectZh: "里程补登已完成",
    subjectEn: "Your missing miles have been credited",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n经核实，您会员账户{{customer.membershipNumber}}缺失的里程已补登完成，请登录App查看。给您带来的不便，敬请谅解。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nWe have credited the missing miles to your account {{customer.membershipNumber}}; you can see them in the app. We apologise for the inconvenience.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "request-info",
    nameZh: "请补充材料",
    nameEn: "Request for information",
    subjectZh: "请补充材料以便处理您的投诉（{{complaint.reference}}）",
    subjectEn: "We need a few details to handle your complaint ({{complaint.reference}})",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n为尽快处理您的投诉，请补充以下材料：登机牌或电子客票号、相关照片或票据。收到材料后我们会立即继续处理。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nTo handle your complaint quickly, please send us your boarding pass or e-ticket number and any photos or receipts. We will continue as soon as we receive them.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "resolution-summary",
    nameZh: "处理结果告知",
    nameEn: "Resolution",
    subjectZh: "您的投诉处理结果（{{complaint.reference}}）",
    subjectEn: "Outcome of your complaint ({{complaint.reference}})",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n关于您反馈的问题，处理结果如下：{{complaint.resolutionSummary}}\n\n我们已将此事纳入服务改进。稍后您将收到一份满意度调查，恳请您抽空评价。\n\n客服专员 {{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nHere is the outcome of your complaint: {{complaint.resolutionSummary}}\n\nWe have fed this back into our service improvement. You will shortly receive a short satisfaction survey; we would value your answer.\n\nKind regards,\n{{agent.name}}",
  },
  {
    code: "praise-thanks",
    nameZh: "表扬致谢",
    nameEn: "Thanks for praise",
    subjectZh: "感谢您的表扬",
    subjectEn: "Thank you for your kind words",
    bodyZh:
      "尊敬的{{customer.name}}：\n\n感谢您对我们员工的肯定！我们已将您的表扬转达给相关同事及其部门。期待再次为您服务。\n\n{{agent.name}}",
    bodyEn:
      "Dear {{customer.name}},\n\nThank you for recognising our colleagues! We have passed your praise on to them and their department. We look forward to welcoming you again.\n\n{{agent.name}}",
  },
];
