import type { DemoNote } from './demo-story.js';

// Aurora, days 1–4: the team gathers what it knows — returns, channels, stock-outs, sizing, support.

export const AURORA_WEEK_1: DemoNote[] = [
  {
    key: 'q-changed',
    by: 'maya',
    kind: 'question',
    confidence: 'leaning',
    h: 1,
    state: 'answered',
    body:
      'What actually changed for an Aurora customer between Q1 and now — product, price, service or channel? ' +
      'Let’s list every change we know of before anyone picks a favourite explanation.',
  },
  {
    key: 'ev-returns',
    by: 'lena',
    kind: 'evidence',
    confidence: 'confident',
    h: 3,
    links: [['builds_on', 'q-changed']],
    body: [
      'Aurora returns by month (web + marketplace):',
      '',
      '| Month | Units sold | Returns | Return rate |',
      '|---|---:|---:|---:|',
      '| March | 4,120 | 371 | 9.0% |',
      '| April | 3,980 | 366 | 9.2% |',
      '| May | 4,310 | 474 | 11.0% |',
      '| June | 3,870 | 495 | 12.8% |',
      '| July | 3,540 | 453 | 12.8% |',
      '',
      'From ~9.1% to 12.8%: **returns are up 40%**. It is a step in May, not a slow drift.',
    ].join('\n'),
  },
  {
    key: 'as-spec',
    by: 'tomas',
    kind: 'assumption',
    confidence: 'confident',
    h: 5,
    state: 'supported',
    body:
      'The Kestrel membrane meets the same spec as our old fabric: it passed our lab test (**10,000 mm** ' +
      'hydrostatic head) when we onboarded them in March.',
  },
  {
    key: 'h-quality',
    by: 'sam',
    kind: 'hypothesis',
    confidence: 'leaning',
    h: 7,
    state: 'refuted',
    links: [
      ['builds_on', 'ev-returns'],
      ['challenges', 'as-spec'],
    ],
    body:
      'The new fabric is worse. Since May we get many more “**leaks at the seams**” tickets, and the timing ' +
      'matches the switch to Kestrel.',
  },
  {
    key: 'h-sizing',
    by: 'sam',
    kind: 'hypothesis',
    confidence: 'unsure',
    h: 8,
    anonymous: true,
    state: 'supported',
    links: [['builds_on', 'ev-returns']],
    body:
      'I might be wrong, but most return slips I read say “too small” or “tight across the chest”. ' +
      'Did something change in the sizing in May?',
  },
  {
    key: 'q-wholesale',
    by: 'maya',
    kind: 'question',
    confidence: 'leaning',
    h: 9,
    state: 'answered',
    body: 'Do our retail partners see the same thing, or is it only our own channels?',
  },
  {
    key: 'as-wholesale',
    by: 'priya',
    kind: 'assumption',
    confidence: 'leaning',
    h: 10,
    state: 'refuted',
    links: [['builds_on', 'q-wholesale']],
    body: 'Wholesale must be seeing the same returns: if it is the product, it is everywhere.',
  },
  {
    key: 'ev-channel',
    by: 'lena',
    kind: 'evidence',
    confidence: 'confident',
    h: 20,
    links: [
      ['builds_on', 'ev-returns'],
      ['challenges', 'as-wholesale'],
    ],
    body: [
      '12-month repeat purchase rate for Aurora buyers, by channel (last year → this year):',
      '',
      '- **Web shop: 38% → 24%**',
      '- Marketplace: 21% → 19%',
      '- Wholesale reorders: flat (−3%)',
      '',
      'The loss is concentrated in our own web shop.',
    ].join('\n'),
  },
  {
    key: 'un-cohort',
    by: 'priya',
    kind: 'unknown',
    confidence: 'unsure',
    h: 26,
    links: [['builds_on', 'ev-channel']],
    body:
      'I don’t know yet whether we are losing *customers* or just *orders*. I’d need cohort data: who bought ' +
      'in H1, who hasn’t come back, and what happened to them in between.',
  },
  {
    key: 'ev-reasons',
    by: 'sam',
    kind: 'evidence',
    confidence: 'confident',
    h: 28,
    links: [['supports', 'h-sizing']],
    body: [
      'I coded the return reasons of 600 Aurora returns from June–July and compared with Q1:',
      '',
      '| Reason | Q1 | Jun–Jul |',
      '|---|---:|---:|',
      '| Fit / too small | 22% | **41%** |',
      '| Defect (seam, zip, leak) | 14% | 18% |',
      '| Changed mind | 41% | 25% |',
      '| Other / not stated | 23% | 16% |',
    ].join('\n'),
  },
  {
    key: 'as-stockout',
    by: 'maya',
    kind: 'assumption',
    confidence: 'leaning',
    h: 30,
    state: 'refuted',
    body: 'The stock-outs after the supplier switch were short and didn’t affect customers much.',
  },
  {
    key: 'q-stockouts',
    by: 'priya',
    kind: 'question',
    confidence: 'leaning',
    h: 31,
    state: 'answered',
    links: [['challenges', 'as-stockout']],
    body:
      'Did the switch cause stock-outs? Finance saw Kestrel’s first invoice arrive **16 days** after the ' +
      'agreed delivery date.',
  },
  {
    key: 'ev-stockouts',
    by: 'tomas',
    kind: 'evidence',
    confidence: 'confident',
    h: 33,
    links: [
      ['answers', 'q-stockouts'],
      ['challenges', 'as-stockout'],
    ],
    body:
      'Yes. Kestrel’s May shipment was 16 days late. The web shop had **no size M for 19 days** and ' +
      '**no L for 12 days** (8–27 May). M and L are ~60% of Aurora volume.',
  },
  {
    key: 'ev-substitution',
    by: 'lena',
    kind: 'evidence',
    confidence: 'confident',
    h: 44,
    links: [
      ['builds_on', 'ev-stockouts'],
      ['supports', 'h-sizing'],
    ],
    body:
      'During the stock-out, **31%** of Aurora web orders were S or XL (normally 19%). The fit-return rate on ' +
      'those orders was **34%**, against 11% on the others. People ordered the size we had, not the size they wear.',
  },
  {
    key: 'ev-wholesale',
    by: 'tomas',
    kind: 'evidence',
    confidence: 'leaning',
    h: 50,
    links: [
      ['answers', 'q-wholesale'],
      ['challenges', 'as-wholesale'],
    ],
    body:
      'Called our three biggest retail partners (Nordwand, Trail & Co, Bergfeld). Their Aurora return rates ' +
      'are **6–7%**, unchanged since spring. Their staff fit every customer in store.',
  },
  {
    key: 'ins-web-only',
    by: 'priya',
    kind: 'insight',
    confidence: 'leaning',
    h: 52,
    links: [
      ['synthesizes', 'ev-channel'],
      ['synthesizes', 'ev-wholesale'],
    ],
    body:
      'So this is a **web-shop problem**: same jackets, same suppliers, but in a shop someone fits you. ' +
      'Whatever it is, it lives in what web customers experience — size information, exchanges, support.',
  },
  {
    key: 'ev-pattern',
    by: 'tomas',
    kind: 'evidence',
    confidence: 'confident',
    h: 58,
    links: [
      ['supports', 'h-sizing'],
      ['builds_on', 'ev-reasons'],
    ],
    body: [
      'Found something. Kestrel cuts with **its own pattern grading**. I measured 10 jackets per size against last year’s stock:',
      '',
      '- chest is **2 cm smaller** in S, M and L;',
      '- XL is unchanged, sleeves are unchanged.',
      '',
      'The size chart was updated on 2 May to match — but the product pages still say “true to size”.',
    ].join('\n'),
  },
  {
    key: 'q-signoff',
    by: 'priya',
    kind: 'question',
    confidence: 'unsure',
    h: 60,
    anonymous: true,
    links: [['builds_on', 'ev-pattern']],
    body: 'Who signed off the new grading, and was it ever fit-tested on real customers before launch?',
  },
  {
    key: 'ev-lab',
    by: 'tomas',
    kind: 'evidence',
    confidence: 'confident',
    h: 66,
    links: [
      ['supports', 'as-spec'],
      ['challenges', 'h-quality'],
    ],
    body:
      'Lab retest of 12 jackets returned as “leaking”: **11 pass 10,000 mm**, 1 seam-tape failure (batch 0522). ' +
      'Most “leaks” are the outer face wetting out because the DWR coating needs re-proofing — a care issue.',
  },
  {
    key: 'q-defects',
    by: 'maya',
    kind: 'question',
    confidence: 'leaning',
    h: 68,
    state: 'answered',
    links: [['builds_on', 'ev-lab']],
    body: 'If it isn’t the fabric, why did defect returns go from 14% to 18%?',
  },
  {
    key: 'ev-zip',
    by: 'sam',
    kind: 'evidence',
    confidence: 'leaning',
    h: 70,
    links: [['answers', 'q-defects']],
    body:
      'Of the **171** defect returns in June–July, **62** were a snapped zip puller — a part Kestrel sources ' +
      'too. A different puller fixes it; it isn’t the membrane.',
  },
  {
    key: 'h-backlog',
    by: 'sam',
    kind: 'hypothesis',
    confidence: 'leaning',
    h: 74,
    state: 'supported',
    links: [['builds_on', 'ins-web-only']],
    body:
      'The support backlog turns a fit return into a lost customer: people wait a week for an exchange and ' +
      'buy a jacket somewhere else.',
  },
  {
    key: 'ev-backlog',
    by: 'sam',
    kind: 'evidence',
    confidence: 'confident',
    h: 76,
    links: [['supports', 'h-backlog']],
    body: [
      '| | March | May | July |',
      '|---|---:|---:|---:|',
      '| Median first response | 1.2 days | 2.8 days | **6.1 days** |',
      '| Open tickets (peak) | 410 | 1,150 | **2,340** |',
      '| Share about returns/exchanges | 31% | 47% | 58% |',
      '| Agents | 7 | 7 | 5 |',
    ].join('\n'),
  },
  {
    key: 'as-support',
    by: 'priya',
    kind: 'assumption',
    confidence: 'confident',
    h: 80,
    state: 'refuted',
    links: [['challenges', 'h-backlog']],
    body: 'Slow support is annoying but it doesn’t cost sales: people who want the jacket will wait.',
  },
  {
    key: 'ev-wait-repeat',
    by: 'lena',
    kind: 'evidence',
    confidence: 'confident',
    h: 90,
    links: [
      ['supports', 'h-backlog'],
      ['challenges', 'as-support'],
    ],
    body: [
      'Repurchase within 90 days after an exchange, by how long the exchange took (n = 1,120):',
      '',
      '- ≤ 2 days: **29%**',
      '- 3–5 days: 19%',
      '- more than 5 days: **11%**',
    ].join('\n'),
  },
  {
    key: 'ev-cohort',
    by: 'lena',
    kind: 'evidence',
    confidence: 'confident',
    h: 94,
    links: [['builds_on', 'un-cohort']],
    body:
      'Lost web customers (bought Jan–Jun, nothing since; **n = 2,140**): **64%** had made a return in the ' +
      '6 months before (vs 17% of those who came back). 22% were first-time buyers who never returned anything.',
  },
];
