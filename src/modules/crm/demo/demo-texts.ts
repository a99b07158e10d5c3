/** The words of the demo's follow-ups and buying committees. */

export const followUpNotes = [
  '电话沟通需求，客户关注交付周期',
  '上门拜访，见到了采购负责人',
  'Sent the product sheet and price list',
  '参加了线下沙龙，约了下周演示',
  'Demo call: the IT lead asked about SSO',
  '微信跟进，客户在走内部审批',
  'Meeting with finance about payment terms',
];

export const committeeNames = [
  '张伟',
  '王芳',
  '李强',
  '刘洋',
  '陈静',
  '杨磊',
  'David Lin',
  'Grace Wu',
  '赵敏',
  '孙浩',
];
export const titles = {
  decision_maker: ['总经理', 'CEO', '副总裁'],
  manager: ['财务总监', 'Head of Operations', '事业部经理'],
  user: ['IT 工程师', 'Analyst', '仓库主管'],
  procurement: ['采购经理', 'Procurement Lead'],
  other: ['法务', 'Assistant'],
} as const;
export const departmentOf = {
  decision_maker: 'executive',
  manager: 'finance',
  user: 'technical',
  procurement: 'business',
  other: 'compliance',
} as const;
