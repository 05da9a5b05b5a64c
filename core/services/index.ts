/** The services directory and signposting (plain TypeScript, no botbuilder). */
export type { Directory, LoadOptions } from './load';
export { loadDirectory, isShowable, isExpired, SERVICES_FILE, FALLBACK_FILE, BANK_HOLIDAYS_FILE } from './load';
export type { Service, Contact, Hours, Purpose, SafetyCategory, Topic } from './schema';
export { PURPOSES, SAFETY_CATEGORIES, TOPICS } from './schema';
export type { ServiceView, RouteView } from './view';
export { toView, hrefFor } from './view';
export { crisisRoutes } from './crisis';
export type { Who } from './crisis';
export { signpost, dutyWorkerRoutes, fitsYoungPerson, reachableNow, shownForNeed, listenersShown } from './signpost';
export type { SignpostRequest } from './signpost';
export { formatRoutes } from './format';
