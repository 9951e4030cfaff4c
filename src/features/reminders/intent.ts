import type { Intent } from '../../bot/context.js';

// Free text about pausing reminders: "tôi nghỉ phép đến 15/12, tắt nhắc giúp", "bật nhắc lại giúp tôi".

const DATE_WORDS = /\d|\b(mai|mot|tuan|thang|thu (hai|ba|tu|nam|sau|bay)|chu nhat)\b/;

export const muteIntent: Intent = {
  command: 'tatnhac',
  patterns: [
    /(^| )(tat|tam dung|dung|ngung|tam ngung|thoi) (nhac|nhac nho|nhac han|bao nhac)( |$)/,
    /(^| )nghi (phep|om|le|che do|cong tac)( .*)? (den|toi|het|qua) /,
  ],
  // The whole sentence goes on: the command finds the date in it. Without any date it shows how to write one.
  args: (normalized, original) => (DATE_WORDS.test(normalized) ? original : ''),
};

export const unmuteIntent: Intent = {
  command: 'batnhac',
  patterns: [/(^| )(bat|mo) (lai )?(nhac|nhac nho|nhac han)( lai)?( giup| cho)?( toi| em)?$/],
};
