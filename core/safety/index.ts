/** Safety: crisis and safeguarding detection on every message (plain TypeScript, no botbuilder). */
export type { SafetyLevel, SafetyCategory, SafetyResult, Detector, DetectContext, Answering, AnswerKind } from './types';
export { ANSWER_KINDS } from './types';
export { answeringOf } from './answering';
export { LEVEL_RANK } from './types';
export { createDetector } from './detector';
export { checkInSignal } from './checkIn';
export * from './flag';
