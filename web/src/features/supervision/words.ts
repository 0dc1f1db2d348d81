import { useI18n } from '../../i18n';

// The supervision screens' own words (their chunk), in both languages.
const ZH = {
  title: '督办',
  toAnswer: '待我答复',
  issued: '我发起的',
  all: '全部',
  overdueOnly: '只看超期',
  overdue: '超期',
  empty: '没有督办单',
  event: '事件',
  step: '督办环节',
  responsible: '责任单位',
  issuer: '督办人',
  reason: '督办事由',
  dueAt: '答复期限',
  state: '状态',
  answer: '办理情况',
  finishBy: '预计办结时间',
  sentBack: '退回理由',
  closeReason: '办结方式',
  'state.issued': '待答复',
  'state.answered': '已答复',
  'state.closed': '已办结',
  'action.answer': '答复',
  'action.close': '办结',
  'action.send_back': '退回重答',
  'close.accepted': '答复已认可',
  'close.event_moved_on': '事件已推进，自动办结',
  submit: '提交',
  conflict: '已有人先处理了这张督办单，页面已刷新',
  eventOrders: '督办',
} as const;
type Word = keyof typeof ZH;
const EN: Record<Word, string> = {
  title: 'Supervision orders',
  toAnswer: 'Mine to answer',
  issued: 'Issued by me',
  all: 'All',
  overdueOnly: 'Overdue only',
  overdue: 'Overdue',
  empty: 'No supervision orders',
  event: 'Event',
  step: 'Step chased',
  responsible: 'Responsible unit',
  issuer: 'Issued by',
  reason: 'Reason',
  dueAt: 'Answer due',
  state: 'State',
  answer: 'What was done',
  finishBy: 'To be finished by',
  sentBack: 'Sent back because',
  closeReason: 'Closed',
  'state.issued': 'Waiting for an answer',
  'state.answered': 'Answered',
  'state.closed': 'Closed',
  'action.answer': 'Answer',
  'action.close': 'Accept and close',
  'action.send_back': 'Send back',
  'close.accepted': 'answer accepted',
  'close.event_moved_on': 'the event moved on',
  submit: 'Submit',
  conflict: 'Someone acted on this order first; the page was reloaded',
  eventOrders: 'Supervision',
};

export function useWords() {
  const { lang } = useI18n();
  const dict: Record<Word, string> = lang === 'en' ? EN : ZH;
  return (key: Word | string) => (dict as Record<string, string>)[key] ?? key;
}
