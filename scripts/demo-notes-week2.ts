import type { DemoNote } from './demo-story.js';

// Aurora, days 5–10: price, challenges to the easy answers, and the first rise-above notes.

export const AURORA_WEEK_2: DemoNote[] = [
  {
    key: 'h-competitor',
    by: 'priya',
    kind: 'hypothesis',
    confidence: 'leaning',
    h: 98,
    body:
      'Fjellstad’s **Nordlys** jacket at €189 (ours €249) is picking up the customers we lose. It launched ' +
      'the same month our numbers turned.',
  },
  {
    key: 'as-loyal',
    by: 'tomas',
    kind: 'assumption',
    confidence: 'leaning',
    h: 100,
    anonymous: true,
    links: [['challenges', 'h-competitor']],
    body: 'Aurora buyers are loyal to the brand and don’t shop around on price.',
  },
  {
    key: 'ev-competitor',
    by: 'priya',
    kind: 'evidence',
    confidence: 'confident',
    h: 104,
    links: [
      ['supports', 'h-competitor'],
      ['challenges', 'as-loyal'],
    ],
    body: [
      'Price check this week:',
      '',
      '| | Own site | Marketplace |',
      '|---|---:|---:|',
      '| Fjellstad Nordlys | €189 | €179 |',
      '| Aurora Shell | €249 | €239 |',
      '',
      'Clicks from price-comparison sites to our Aurora page fell **22%** since May.',
    ].join('\n'),
  },
  {
    key: 'q-price',
    by: 'tomas',
    kind: 'question',
    confidence: 'leaning',
    h: 106,
    state: 'answered',
    links: [['challenges', 'h-competitor']],
    body: 'If price were the driver, why is wholesale flat? Fjellstad sits on the same shelves with the same €60 gap.',
  },
  {
    key: 'ev-shop-floor',
    by: 'priya',
    kind: 'evidence',
    confidence: 'leaning',
    h: 110,
    links: [['answers', 'q-price']],
    body:
      'In a shop, staff fit you and explain the 5-year warranty; online we are simply the more expensive ' +
      'jacket. And only **9 of 212** written return comments mention Fjellstad — price matters *after* we ' +
      'have annoyed someone.',
  },
  {
    key: 'un-elasticity',
    by: 'priya',
    kind: 'unknown',
    confidence: 'unsure',
    h: 112,
    links: [['builds_on', 'h-competitor']],
    body:
      'I don’t know how price-sensitive Aurora buyers really are. I’d need a small test: two weeks at €219 ' +
      'for a random half of web visitors, watching conversion *and* returns.',
  },
  {
    key: 'idea-price',
    by: 'sam',
    kind: 'idea',
    confidence: 'unsure',
    h: 114,
    anonymous: true,
    links: [['builds_on', 'ev-competitor']],
    body: 'Match Fjellstad at €189 for the next season’s launch.',
  },
  {
    key: 'ev-margin',
    by: 'priya',
    kind: 'evidence',
    confidence: 'confident',
    h: 118,
    links: [['challenges', 'idea-price']],
    body:
      'At €189 the gross margin falls from **52% to 37%** (unit cost €119.50). We would need **+86% volume** ' +
      'just to keep gross profit flat.',
  },
  {
    key: 'ev-reviews',
    by: 'sam',
    kind: 'evidence',
    confidence: 'leaning',
    h: 122,
    links: [
      ['supports', 'h-sizing'],
      ['supports', 'h-backlog'],
    ],
    body:
      'Average review 4.5 → 3.9 since May. In the 318 reviews of 1–3 stars: “size/small/tight” in **46%**, ' +
      '“waiting/no answer” in **31%**, “leak/wet” in 12%.',
  },
  {
    key: 'as-chart-read',
    by: 'lena',
    kind: 'assumption',
    confidence: 'leaning',
    h: 124,
    state: 'refuted',
    links: [['builds_on', 'ev-pattern']],
    body: 'Customers read the size chart before they order, so the 2 May update should have warned them.',
  },
  {
    key: 'ev-chart-views',
    by: 'lena',
    kind: 'evidence',
    confidence: 'confident',
    h: 130,
    links: [
      ['challenges', 'as-chart-read'],
      ['supports', 'h-sizing'],
    ],
    body:
      'Only **8%** of sessions that ordered an Aurora jacket opened the size chart. For returning customers ' +
      'it is **3%**: they order “their” size.',
  },
  {
    key: 'idea-revert',
    by: 'priya',
    kind: 'idea',
    confidence: 'unsure',
    h: 132,
    anonymous: true,
    links: [['builds_on', 'ev-pattern']],
    body: 'Revert to the old size chart until we have fit-tested the new one.',
  },
  {
    key: 'ins-chart-right',
    by: 'tomas',
    kind: 'insight',
    confidence: 'confident',
    h: 134,
    links: [
      ['challenges', 'idea-revert'],
      ['builds_on', 'ev-chart-views'],
    ],
    body:
      'The chart isn’t the problem — the **jackets** really are 2 cm smaller. Reverting would make the chart ' +
      'wrong, and almost nobody reads it anyway. We have to tell people at the moment they pick a size.',
  },
  {
    key: 'ins-return-math',
    by: 'lena',
    kind: 'insight',
    confidence: 'confident',
    h: 146,
    links: [
      ['synthesizes', 'ev-returns'],
      ['synthesizes', 'ev-reasons'],
    ],
    body: [
      'Where the extra returns come from (returns as % of units sold):',
      '',
      '| Reason | Q1 | Jun–Jul | Change |',
      '|---|---:|---:|---:|',
      '| Fit | 2.0% | 5.2% | **+3.2** |',
      '| Defect | 1.3% | 2.3% | +1.0 |',
      '| Changed mind | 3.7% | 3.2% | −0.5 |',
      '| Other | 2.1% | 2.1% | 0.0 |',
      '| **Total** | 9.1% | 12.8% | **+3.7** |',
      '',
      'Fit explains **~85%** of the rise; defects (mostly zips) most of the rest.',
    ].join('\n'),
  },
  {
    key: 'idea-fit-note',
    by: 'sam',
    kind: 'idea',
    confidence: 'confident',
    h: 150,
    links: [
      ['builds_on', 'ins-chart-right'],
      ['builds_on', 'ins-return-math'],
    ],
    body:
      'Put a fit note on every Aurora page and in the cart of anyone who owns an older Aurora: ' +
      '“**This season’s Aurora is cut 2 cm slimmer at the chest — size up if your old one was snug.**” ' +
      'Plus a three-question fit finder (height, chest, how you layer).',
  },
  {
    key: 'idea-exchange',
    by: 'sam',
    kind: 'idea',
    confidence: 'leaning',
    h: 152,
    links: [['builds_on', 'h-backlog']],
    body:
      'Instant exchange for customers with a previous order: we ship the new size the same day and put the ' +
      'return label in the box. Takes exchanges out of the ticket queue entirely.',
  },
  {
    key: 'idea-second-supplier',
    by: 'tomas',
    kind: 'idea',
    confidence: 'leaning',
    h: 156,
    links: [['builds_on', 'ev-stockouts']],
    body:
      'Qualify a second membrane supplier for sizes M and L, so one late shipment can’t empty our core sizes ' +
      'again. Cost: ~€4k of lab tests and a 6-week lead time.',
  },
  {
    key: 'as-capacity',
    by: 'maya',
    kind: 'assumption',
    confidence: 'unsure',
    h: 158,
    links: [['builds_on', 'idea-second-supplier']],
    body: 'Kestrel can deliver next season’s volume (~26,000 units) on time.',
  },
  {
    key: 'un-winter',
    by: 'tomas',
    kind: 'unknown',
    confidence: 'unsure',
    h: 162,
    links: [['builds_on', 'ev-lab']],
    body:
      'We don’t know how the Kestrel laminate holds up after a full season of use. The lab test is on new ' +
      'fabric; I’d need field data — returns over the next four months, by batch.',
  },
  {
    key: 'un-lapsed',
    by: 'lena',
    kind: 'unknown',
    confidence: 'unsure',
    h: 166,
    links: [['builds_on', 'ev-cohort']],
    body:
      'I don’t know why the lapsed customers who *never* returned anything also left (36% of them). We have ' +
      'never asked. A three-question survey to ~500 of them would tell us.',
  },
  {
    key: 'ins-chain',
    by: 'lena',
    kind: 'insight',
    confidence: 'confident',
    h: 190,
    links: [
      ['synthesizes', 'ev-pattern'],
      ['synthesizes', 'ev-substitution'],
      ['synthesizes', 'ins-return-math'],
      ['synthesizes', 'ev-wait-repeat'],
      ['synthesizes', 'ev-cohort'],
      ['answers', 'q-changed'],
    ],
    body: [
      '**It is a chain, not one cause.**',
      '',
      '1. Kestrel’s pattern runs 2 cm smaller, and its late shipment emptied M and L for ~3 weeks: customers ' +
        'ordered the wrong size (fit returns 2.0% → 5.2% of sales).',
      '2. The return lands in a support queue that took **6 days** to answer in July, so exchanges are slow.',
      '3. Customers who waited more than 5 days came back 11% of the time instead of 29%: they buy elsewhere, ' +
        'often the cheaper Fjellstad.',
      '',
      'Fabric quality is *not* the main cause (lab retest), and price matters mostly after we have annoyed someone.',
    ].join('\n'),
  },
  {
    key: 'q-wrong',
    by: 'maya',
    kind: 'question',
    confidence: 'leaning',
    h: 200,
    links: [['builds_on', 'ins-chain']],
    body:
      'Before we settle on this: what would we expect to see if the chain were **wrong**? Which data would ' +
      'change our minds?',
  },
  {
    key: 'ins-cost',
    by: 'priya',
    kind: 'insight',
    confidence: 'leaning',
    h: 205,
    links: [
      ['synthesizes', 'ev-cohort'],
      ['synthesizes', 'ev-margin'],
      ['builds_on', 'ins-chain'],
    ],
    body: [
      'What it costs us:',
      '',
      '- return handling is the small part: €18.70 × ~390 fit returns in June–July ≈ **€7.3k**;',
      '- lost repeat business is the big part: ~2,000 web customers × €310 two-year value ≈ **€0.6M**.',
      '',
      'Fixing exchanges is worth far more than a price cut.',
    ].join('\n'),
  },
  {
    key: 'h-first-timers',
    by: 'tomas',
    kind: 'hypothesis',
    confidence: 'unsure',
    h: 212,
    anonymous: true,
    links: [
      ['challenges', 'ins-chain'],
      ['builds_on', 'h-competitor'],
    ],
    body:
      'One thing doesn’t fit: 22% of the lost customers were first-time buyers who never returned anything. ' +
      'The chain doesn’t explain them — maybe that is where price and Fjellstad come in.',
  },
  {
    key: 'ins-learned',
    by: 'tomas',
    kind: 'insight',
    confidence: 'leaning',
    h: 225,
    links: [['builds_on', 'ins-chain']],
    body:
      'What I learned: I was sure it wasn’t the supplier, and on fabric quality I was right — but sole-sourcing ' +
      'still hurt us twice, through the pattern change and the late shipment. I had been reading the lab ' +
      'report, not the customer.',
  },
  {
    key: 'idea-winback',
    by: 'lena',
    kind: 'idea',
    confidence: 'leaning',
    h: 230,
    links: [
      ['builds_on', 'ins-chain'],
      ['builds_on', 'idea-fit-note'],
    ],
    body:
      'Win-back: e-mail the ~1,370 lapsed web customers who had a fit return (64% of 2,140) a free exchange ' +
      'into the right size plus the fit note. Measure 60-day repurchase against a 10% hold-out.',
  },
];
