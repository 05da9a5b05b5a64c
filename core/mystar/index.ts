/** My Star check-ins: content, typed answers, records, chart, goals, professional summary and cards. */
export * from './content';
export * from './parseAnswer';
export * from './checkIns';
export * from './compare';
export * from './professional';
export * from './chart';
export * from './goals';
export * from './labels';
export * from './cards';
export * from './readability';
export * from './summary';
