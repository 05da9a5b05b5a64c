/** Safety: crisis and safeguarding detection on every message (plain TypeScript, no botbuilder). */
export type { SafetyLevel, SafetyCategory, SafetyResult, Detector } from './types';
export { LEVEL_RANK } from './types';
export { createDetector } from './detector';
export { checkInSignal } from './checkIn';
export * from './flag';
