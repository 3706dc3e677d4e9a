import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from '../model.js';
import {
  ACTIVITIES,
  type Activity,
  activitiesIn,
  activityRefusal,
  classifyTransition,
  nextPhase,
  PHASE_GUIDES,
  phaseAllows,
  previousPhase,
} from './phases.js';

describe('PHASE_GUIDES', () => {
  it('guides every phase, in the model’s order, with one line for what the group does and waits for', () => {
    expect(Object.keys(PHASE_GUIDES)).toEqual([...PHASES]);
    for (const phase of PHASES) {
      const guide = PHASE_GUIDES[phase];
      expect(guide.phase).toBe(phase);
      for (const line of [guide.title, guide.does, guide.waitsFor]) {
        expect(line.trim()).not.toBe('');
        expect(line).not.toContain('\n');
      }
    }
  });
});

describe('nextPhase and previousPhase', () => {
  it('walk the path one step at a time', () => {
    expect(nextPhase('framing')).toBe('exploring');
    expect(nextPhase('reflecting')).toBe('concluded');
    expect(nextPhase('concluded')).toBeNull();
    expect(previousPhase('exploring')).toBe('framing');
    expect(previousPhase('framing')).toBeNull();
  });
  it('never lead back out of concluded', () => {
    expect(previousPhase('concluded')).toBeNull();
  });
});

describe('classifyTransition', () => {
  const rows: [Phase, Phase, string][] = [
    ['framing', 'exploring', 'forward'],
    ['exploring', 'challenging', 'forward'],
    ['challenging', 'synthesizing', 'forward'],
    ['synthesizing', 'reflecting', 'forward'],
    ['reflecting', 'concluded', 'forward'],
    ['exploring', 'framing', 'back'],
    ['synthesizing', 'challenging', 'back'],
    ['reflecting', 'synthesizing', 'back'],
    ['framing', 'framing', 'same_phase'],
    ['concluded', 'concluded', 'same_phase'],
    ['framing', 'challenging', 'skips_phases'],
    ['exploring', 'synthesizing', 'skips_phases'],
    ['framing', 'concluded', 'skips_phases'],
    ['synthesizing', 'exploring', 'skips_phases'],
    ['concluded', 'reflecting', 'concluded_is_final'],
    ['concluded', 'framing', 'concluded_is_final'],
  ];
  it.each(rows)('%s → %s is %s', (from, to, expected) => {
    const t = classifyTransition(from, to);
    expect(t.kind === 'invalid' ? t.code : t.kind).toBe(expected);
  });

  it('accepts exactly 5 forward and 4 back moves among all 36 pairs', () => {
    const kinds = PHASES.flatMap((from) => PHASES.map((to) => classifyTransition(from, to).kind));
    expect(kinds.filter((k) => k === 'forward')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'back')).toHaveLength(4);
  });

  it('says where the inquiry can go instead', () => {
    const t = classifyTransition('framing', 'synthesizing');
    expect(t.kind === 'invalid' && t.message).toBe(
      'From framing the inquiry can only move one step forward, to exploring.',
    );
    const back = classifyTransition('reflecting', 'exploring');
    expect(back.kind === 'invalid' && back.message).toBe(
      'From reflecting the inquiry can only move one step back, to synthesizing.',
    );
  });
});

describe('activities per phase', () => {
  const table: Record<Phase, Activity[]> = {
    framing: ['post_contribution', 'link_contributions'],
    exploring: ['post_contribution', 'link_contributions'],
    challenging: ['post_contribution', 'link_contributions'],
    synthesizing: ['post_contribution', 'link_contributions', 'propose_conclusion', 'respond_to_proposal'],
    reflecting: ['post_contribution', 'link_contributions', 'write_reflection'],
    concluded: [],
  };
  it.each(PHASES)('%s allows exactly its activities', (phase) => {
    expect(activitiesIn(phase)).toEqual(table[phase]);
    for (const activity of ACTIVITIES) {
      const allowed = table[phase].includes(activity);
      expect(phaseAllows(phase, activity)).toBe(allowed);
      expect(activityRefusal(phase, activity) === null).toBe(allowed);
    }
  });
  it('explains a refusal in plain words', () => {
    expect(activityRefusal('exploring', 'propose_conclusion')).toBe(
      'A conclusion can only be proposed while the group is synthesizing.',
    );
    expect(activityRefusal('concluded', 'post_contribution')).toMatch(/concluded/);
    expect(activityRefusal('synthesizing', 'write_reflection')).toMatch(/reflecting phase/);
  });
});
