import { Alert, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { StoredFitCheck } from '../../../contract/mechanics.js';
import { FIT_QUESTIONS } from '../../../domain/mechanics/fit-check.js';
import { MODE_TEXT } from '../../components/InquiryFields.js';
import { FitRecommendation } from './FitCheck.js';

/** The fit check stored on an inquiry: what it recommended and why, and the facilitator's choice. */
export function FitCheckSummary({ fit }: { fit: StoredFitCheck }) {
  const answers = FIT_QUESTIONS.map((q) => ({
    id: q.id,
    text: q.text,
    answer: q.options.find((o) => o.value === fit.answers[q.id])?.label ?? fit.answers[q.id],
  }));
  return (
    <Stack gap="sm">
      <FitRecommendation result={fit} title="The fit check recommended" />
      {fit.overridden ? (
        <Alert
          variant="light"
          color="orange"
          styles={{ title: { color: 'var(--mantine-color-orange-ink)' } }}
          icon={<IconArrowsExchange size={18} aria-hidden />}
          title={`Run as ${MODE_TEXT[fit.chosenMode].label.toLowerCase()} instead`}
        >
          <Text size="sm">
            <Text span fw={600} size="sm">
              The facilitator’s reason:{' '}
            </Text>
            {fit.overrideReason}
          </Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Run as recommended: {MODE_TEXT[fit.chosenMode].label.toLowerCase()}.
        </Text>
      )}
      <details>
        <Text component="summary" size="sm" c="dimmed" style={{ cursor: 'pointer' }}>
          The answers
        </Text>
        <Stack component="dl" gap={4} mt="xs" mb={0}>
          {answers.map((a) => (
            <Text key={a.id} size="sm" component="div">
              <Text component="dt" span c="dimmed" size="sm">
                {a.text}
              </Text>{' '}
              <Text component="dd" span fw={600} size="sm" ml={0}>
                {a.answer}
              </Text>
            </Text>
          ))}
        </Stack>
      </details>
    </Stack>
  );
}
