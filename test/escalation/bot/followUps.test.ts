/** What a young person types after an alert reaches the duty worker, on memory (see followUps.suite.ts). */
import { followUpSuite } from './followUps.suite';

followUpSuite({ setup: async () => ({}) });
