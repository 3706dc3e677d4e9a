// Participation over time: the timeline is kept in hours and shown in hours, days or weeks, whichever
// suits how long the inquiry has run. Days and weeks start at midnight UTC, weeks on Monday.

export const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Bucket = 'hour' | 'day' | 'week';

/** Hours for up to two days of activity, days for up to three months, weeks beyond. */
export function bucketFor(spanMs: number): Bucket {
  if (spanMs <= 2 * DAY) return 'hour';
  if (spanMs <= 92 * DAY) return 'day';
  return 'week';
}

/** The start of the bucket `at` (epoch ms) falls in. */
export function bucketStart(at: number, bucket: Bucket): number {
  if (bucket === 'hour') return Math.floor(at / HOUR) * HOUR;
  const day = Math.floor(at / DAY) * DAY;
  if (bucket === 'day') return day;
  // 1970-01-01 was a Thursday: days since the Monday before it, modulo 7.
  const weekday = (Math.floor(at / DAY) + 3) % 7;
  return day - weekday * DAY;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** The contract's Participation, as plain types the domain can produce. */
export interface InsightParticipation {
  people: {
    user: PersonRef;
    role: 'facilitator' | 'participant';
    perspective: string | null;
    contributions: number;
    buildOns: number;
    challenges: number;
    acknowledgementsGiven: number;
    acknowledgementsReceived: number;
    share: number;
    firstContributionAt: string | null;
    lastContributionAt: string | null;
  }[];
  anonymousContributions: number;
  bucket: Bucket;
  timeline: {
    start: string;
    userId: string;
    contributions: number;
    buildOns: number;
    acknowledgements: number;
  }[];
  network: { from: string; to: string; count: number }[];
  balance: {
    gini: number;
    topVoice: PersonRef | null;
    topShare: number;
    facilitatorShare: number;
    fairShare: number;
  };
}
