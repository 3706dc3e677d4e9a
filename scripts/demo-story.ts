import type {
  Confidence,
  ContributionKind,
  ContributionState,
  LinkKind,
  Mode,
  Phase,
  Role,
} from '../domain/model.js';
import { AURORA_WEEK_1 } from './demo-notes-week1.js';
import { AURORA_WEEK_2 } from './demo-notes-week2.js';

// The demo workspace as data: the people of Aurora Outdoor Co. and what they wrote while working out why
// the Aurora line loses customers. demo-data.ts turns it into rows. Numbers agree with each other across
// notes (returns, costs, cohorts), so the story holds up when someone reads it closely.

export type PersonKey = 'henrik' | 'maya' | 'sam' | 'priya' | 'tomas' | 'lena';

export interface DemoPerson {
  key: PersonKey;
  name: string;
  role: Role;
  title: string;
}

export const DEMO_WORKSPACE_NAME = 'Aurora Outdoor Co.';
export const DEMO_DOMAIN = 'demo.colearn.app';

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'maya', name: 'Maya Lindqvist', role: 'facilitator', title: 'Head of product' },
  { key: 'sam', name: 'Sam Okafor', role: 'member', title: 'Customer support lead' },
  { key: 'priya', name: 'Priya Raman', role: 'member', title: 'Finance analyst' },
  { key: 'tomas', name: 'Tomás Herrera', role: 'member', title: 'Operations and supply' },
  { key: 'lena', name: 'Lena Fischer', role: 'member', title: 'Data analyst' },
  { key: 'henrik', name: 'Henrik Aalto', role: 'owner', title: 'Founder and managing director' },
];

export interface DemoNote {
  key: string;
  by: PersonKey;
  kind: ContributionKind;
  confidence: Confidence;
  /** Hours after the inquiry started. Notes are listed in the order they were written. */
  h: number;
  body: string;
  anonymous?: boolean;
  /** Where the team has settled it; otherwise the kind's initial state. */
  state?: ContributionState;
  /** Links this note makes as it is posted: [kind, key of an earlier note]. */
  links?: [LinkKind, string][];
}

/** How a concluded inquiry ended: its adopted conclusion, who endorsed it, reflections and commitments. */
export interface DemoOutcome {
  conclusion: string;
  /** Keys of the notes it rests on. */
  restsOn: string[];
  endorsedBy: PersonKey[];
  /** Hours after the inquiry started. */
  adoptedAtH: number;
  reflections: Partial<
    Record<
      PersonKey,
      { learned: string; stillUnclear: string; keep: string; change: string; teachBack: string }
    >
  >;
  commitments: { text: string; owner: PersonKey; dueInDays: number; status: 'open' | 'done' }[];
}

export interface DemoInquiry {
  key: string;
  outcome?: DemoOutcome;
  title: string;
  question: string;
  context: string;
  successCriteria: string;
  mode: Mode;
  phase: Phase;
  allowAnonymous: boolean;
  facilitator: PersonKey;
  participants: PersonKey[];
  perspectives?: Partial<Record<PersonKey, string>>;
  /** When it was framed, in days before now. */
  startedDaysAgo: number;
  notes: DemoNote[];
}

const catalogue: DemoInquiry = {
  key: 'catalogue',
  title: 'Why did the catalogue ship three weeks late?',
  question:
    'Where did the three weeks go between the photo shoot and the print run, and how do we stop it next time?',
  context:
    'The last catalogue reached customers three weeks after the planned date. Each team owns one part of the timeline.',
  successCriteria:
    '- A timeline with the cause of each day of delay\n- One owner per fix for the next catalogue',
  mode: 'cooperative',
  phase: 'concluded',
  allowAnonymous: false,
  facilitator: 'maya',
  participants: ['sam', 'tomas', 'lena'],
  startedDaysAgo: 34,
  outcome: {
    conclusion:
      'The catalogue was late because two slips compounded: samples for 14 products came after the shoot ' +
      '(+9 days for the reshoot), which made us miss the booked print slot (+11 days to the next one). Next ' +
      'time: a sample deadline three weeks before the shoot with an owner per supplier, and a backup print slot.',
    restsOn: ['samples', 'print', 'idea'],
    endorsedBy: ['sam', 'tomas', 'lena'],
    adoptedAtH: 80,
    reflections: {
      tomas: {
        learned: 'How much one late supplier costs downstream: nine days became twenty.',
        stillUnclear: 'Whether suppliers will keep a deadline three weeks out without a penalty.',
        keep: 'Everyone brought their own part of the timeline with dates, not opinions.',
        change: 'Ask the printer earlier; we only heard about the slot when it was gone.',
        teachBack:
          'We lost three weeks because late samples forced a reshoot of nine days, and that delay made us ' +
          'miss the printer, whose next slot was eleven days later. A firm sample deadline with one owner per ' +
          'supplier and a backup print slot stop both slips.',
      },
      lena: {
        learned: 'The print slot, not the reshoot, was the bigger loss, and it was avoidable.',
        stillUnclear: 'What a backup slot costs if we never use it.',
        keep: 'Putting each day of delay on one shared timeline.',
        change: 'Start the timeline on day one instead of after the delay.',
        teachBack:
          'Two delays added up: fourteen products arrived after the shoot and were reshot nine days later, ' +
          'so the booked print slot was missed and the next free one came eleven days after. Booking a second ' +
          'slot and fixing the sample deadline early removes the chain.',
      },
      sam: {
        learned: 'Support saw the late catalogue as complaints before anyone saw it in the plan.',
        stillUnclear: 'How to tell customers early when a catalogue slips.',
        keep: 'Short notes with numbers made it easy to build on each other.',
        change: 'Bring support in at the start; we heard the customer side last.',
        teachBack:
          'Samples for a quarter of the products came too late for the photo shoot, so we reshot them nine ' +
          'days later and missed our printing date, which cost another eleven days. With an early sample ' +
          'deadline and a spare print date this should not repeat.',
      },
    },
    commitments: [
      {
        text: 'Sample deadline three weeks before the shoot, with a named owner at each supplier',
        owner: 'tomas',
        dueInDays: -20,
        status: 'done',
      },
      {
        text: 'Book a backup print slot one week after the first for the spring catalogue',
        owner: 'lena',
        dueInDays: 14,
        status: 'open',
      },
    ],
  },
  notes: [
    {
      key: 'q',
      by: 'maya',
      kind: 'question',
      confidence: 'leaning',
      h: 1,
      state: 'answered',
      body: 'Where exactly did the three weeks go between the photo shoot and the print slot we had booked?',
    },
    {
      key: 'samples',
      by: 'tomas',
      kind: 'evidence',
      confidence: 'confident',
      h: 26,
      links: [['answers', 'q']],
      body: 'Samples for **14 of 60** products arrived after the shoot date. We reshot them nine days later: **+9 days**.',
    },
    {
      key: 'print',
      by: 'lena',
      kind: 'evidence',
      confidence: 'confident',
      h: 30,
      links: [['builds_on', 'samples']],
      body: 'Because of the reshoot we missed the printer’s slot by 2 days; the next free slot was **11 days** later.',
    },
    {
      key: 'idea',
      by: 'sam',
      kind: 'idea',
      confidence: 'leaning',
      h: 50,
      links: [['builds_on', 'samples']],
      body: 'Lock the sample deadline **3 weeks before the shoot**, with a named owner at each supplier.',
    },
    {
      key: 'insight',
      by: 'maya',
      kind: 'insight',
      confidence: 'confident',
      h: 74,
      links: [
        ['synthesizes', 'samples'],
        ['synthesizes', 'print'],
        ['answers', 'q'],
      ],
      body:
        'Two slips compounded: late samples (+9 days) made us miss the print slot (+11 days).\n\n' +
        'For the next catalogue:\n1. sample deadline three weeks before the shoot, owner per supplier (Tomás);\n' +
        '2. book a backup print slot a week after the first (Lena).',
    },
  ],
};

const nordics: DemoInquiry = {
  key: 'nordics',
  title: 'How do we enter the Nordic market?',
  question:
    'Should we sell into Norway and Sweden next year, and if so, which first and through which channel?',
  context:
    'Our wholesale partners keep asking about Scandinavia, and web traffic from there is growing. ' +
    'Parked while the Aurora inquiry runs; add what you know.',
  successCriteria:
    '- A go/no-go with the three numbers that decide it\n- A first country and channel, with the reasons',
  mode: 'collaborative',
  phase: 'framing',
  allowAnonymous: false,
  facilitator: 'henrik',
  participants: ['priya', 'tomas', 'lena'],
  startedDaysAgo: 12,
  notes: [
    {
      key: 'q',
      by: 'henrik',
      kind: 'question',
      confidence: 'unsure',
      h: 2,
      body: 'Which country first: **Norway** (closest to our wholesale partners) or **Sweden** (the bigger web audience)?',
    },
    {
      key: 'traffic',
      by: 'lena',
      kind: 'evidence',
      confidence: 'confident',
      h: 20,
      links: [['builds_on', 'q']],
      body:
        '12% of web visitors in the last 90 days came from Sweden, Norway and Denmark, but they convert at ' +
        '**0.9%** against **2.1%** at home. Most leave at the shipping-cost step.',
    },
    {
      key: 'vat',
      by: 'priya',
      kind: 'unknown',
      confidence: 'unsure',
      h: 23,
      links: [['builds_on', 'q']],
      body:
        'I don’t know the VAT and duty picture for Norway (outside the EU). I’d need an hour with our customs ' +
        'broker to price a parcel to Oslo.',
    },
    {
      key: 'shipping',
      by: 'tomas',
      kind: 'assumption',
      confidence: 'leaning',
      h: 27,
      links: [['builds_on', 'traffic']],
      body: 'Our 3PL in Hamburg can reach Oslo and Stockholm in 3 working days at under €9 a parcel.',
    },
  ],
};

const aurora: DemoInquiry = {
  key: 'aurora',
  title: 'Aurora product line is losing customers',
  question:
    'Why are customers who bought from the Aurora line not coming back — and what should we change before the next season’s launch?',
  context: [
    'Aurora (our technical shell and insulated jackets, **31% of revenue**) had its best spring ever, then turned. Since May:',
    '',
    '- web-shop **repeat purchases** are down and reviews have slipped from 4.5 to 3.9 stars;',
    '- **returns** are up — nobody agrees by how much or why;',
    '- support says it is drowning, finance says margins are fine, operations says the new supplier is fine.',
    '',
    'Several things changed at once in Q2: a new **sole supplier** for the membrane fabric (Kestrel Textiles, April), ' +
      'a new size chart (2 May), two fewer people in support (June), and Fjellstad launched a cheaper competing ' +
      'jacket (May).',
    '',
    'Nobody here has the whole picture, which is why we are working on it together instead of asking one ' +
      'department for a report. Bring what you see from where you sit; “I don’t know yet” is a useful note.',
  ].join('\n'),
  successCriteria: [
    '- We can say, with data, how much of the loss each cause accounts for.',
    '- Everyone on the inquiry can explain the conclusion in their own words.',
    '- 2–3 changes agreed before the next season’s launch, each with an owner and a measure.',
    '- Return rate back under **10%** and web repeat rate above **30%** by the end of Q1.',
  ].join('\n'),
  mode: 'collaborative',
  phase: 'challenging',
  allowAnonymous: true,
  facilitator: 'maya',
  participants: ['sam', 'priya', 'tomas', 'lena'],
  perspectives: { sam: 'customer', priya: 'finance', tomas: 'operations', lena: 'data' },
  startedDaysAgo: 10,
  notes: [...AURORA_WEEK_1, ...AURORA_WEEK_2],
};

/** Oldest first, so ids (UUIDv7, minted in order) and timestamps agree. The last one is the main story. */
export const DEMO_INQUIRIES: readonly DemoInquiry[] = [catalogue, nordics, aurora];
export const MAIN_INQUIRY_KEY = aurora.key;
