import type { UnderstandingCheck } from '../../contract/insights.js';
import type { CheckWithMine } from '../store/understanding.js';

// A check as its viewer sees it: the count of answers and their own answer, nothing of anyone else's.
export const presentCheck = (c: CheckWithMine): UnderstandingCheck => ({
  id: c.id,
  inquiryId: c.inquiryId,
  stage: c.stage,
  items: c.items.map((i) => ({ id: i.id, label: i.label, contributionId: i.contributionId })),
  openedAt: c.openedAt,
  closedAt: c.closedAt,
  responses: c.responses,
  myResponse: c.myResponse ? { ranking: c.myResponse.ranking, theory: c.myResponse.theory } : null,
});
